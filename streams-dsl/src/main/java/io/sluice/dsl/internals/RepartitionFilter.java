package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;

/**
 * Stops records with a {@code null} key before a repartition topic that feeds a key-based
 * operator (a {@code null} key has no partition and no row), reporting each as dropped by that
 * operator.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class RepartitionFilter<K, V> implements ProcessorSupplier<K, V, K, V> {
  private final DropSpec drops;

  RepartitionFilter(DropSpec drops) {
    this.drops = drops;
  }

  @Override
  public Processor<K, V, K, V> get() {
    return new Processor<>() {
      private final DropReporter dropReporter = new DropReporter(drops);
      private ProcessorContext<K, V> context;

      @Override
      public void init(ProcessorContext<K, V> context) {
        this.context = context;
        dropReporter.init(context);
      }

      @Override
      public void process(Record<K, V> record) {
        if (record.key() == null) {
          dropReporter.drop(record, DropReason.NULL_KEY);
        } else {
          context.forward(record);
        }
      }

      @Override
      public void close() {
        dropReporter.close();
      }
    };
  }
}
