package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.TimestampedKeyValueStore;

/**
 * Keeps a global table's store: each record of the table's topic becomes its key's value with the
 * record's timestamp, a {@code null} value deletes the key, and records without a key are dropped
 * and reported (metric and log only: global processors have no children).
 *
 * @param <K> key type
 * @param <V> value type
 */
final class GlobalTableSource<K, V> implements ProcessorSupplier<K, V, Void, Void> {
  private final String storeName;
  private final DropSpec drops;

  GlobalTableSource(String storeName, DropSpec drops) {
    this.storeName = storeName;
    this.drops = drops;
  }

  @Override
  public Processor<K, V, Void, Void> get() {
    return new Processor<>() {
      private final DropReporter reporter = new DropReporter(drops);
      private TimestampedKeyValueStore<K, V> store;

      @Override
      public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        reporter.init(context);
      }

      @Override
      public void process(Record<K, V> record) {
        if (record.key() == null) {
          reporter.drop(record, DropReason.NULL_KEY);
          return;
        }
        store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
      }

      @Override
      public void close() {
        reporter.close();
      }
    };
  }
}
