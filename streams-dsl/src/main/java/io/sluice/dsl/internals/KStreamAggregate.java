package io.sluice.dsl.internals;

import io.sluice.dsl.Aggregator;
import io.sluice.dsl.Initializer;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;

/**
 * {@code KGroupedStream.aggregate} and {@code count}: folds each record into its key's aggregate
 * (starting from the initializer) in the operator's store, stamped with the largest timestamp
 * aggregated so far, and forwards the new aggregate. Records with a {@code null} key or value are
 * dropped and reported.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <VA> aggregate type
 */
final class KStreamAggregate<K, V, VA>
    implements ProcessorSupplier<K, V, K, Change<VA>>, TableOperator<K, VA> {
  private final String storeName;
  private final Initializer<VA> initializer;
  private final Aggregator<? super K, ? super V, VA> aggregator;
  private final DropSpec drops;
  private boolean sendOldValues;

  KStreamAggregate(String storeName, Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, DropSpec drops) {
    this.storeName = storeName;
    this.initializer = initializer;
    this.aggregator = aggregator;
    this.drops = drops;
  }

  @Override
  public KTableValueGetterSupplier<K, VA> view() {
    return new StoreValueGetterSupplier<>(storeName);
  }

  @Override
  public boolean enableSendingOldValues(boolean forceMaterialization) {
    sendOldValues = true;
    return true;
  }

  @Override
  public boolean materialized() {
    return true;
  }

  @Override
  public Processor<K, V, K, Change<VA>> get() {
    return new Processor<>() {
      private final DropReporter dropReporter = new DropReporter(drops);
      private TableStore<K, VA> store;
      private TableForwarder<K, VA> forwarder;

      @Override
      public void init(ProcessorContext<K, Change<VA>> context) {
        dropReporter.init(context);
        store = context.getStateStore(storeName);
        forwarder = new TableForwarder<>(store, context, sendOldValues);
      }

      @Override
      public void process(Record<K, V> record) {
        if (record.key() == null || record.value() == null) {
          dropReporter.drop(record,
              record.key() == null ? DropReason.NULL_KEY : DropReason.NULL_VALUE);
          return;
        }
        ValueAndTimestamp<VA> old = store.get(record.key());
        VA oldAgg = ValueAndTimestamp.getValueOrNull(old);
        long timestamp = old == null ? record.timestamp()
            : Math.max(record.timestamp(), old.timestamp());
        VA newAgg = aggregator.apply(record.key(), record.value(),
            old == null ? initializer.apply() : oldAgg);
        store.put(record.key(), ValueAndTimestamp.make(newAgg, timestamp));
        forwarder.maybeForward(
            new Record<>(record.key(), new Change<>(oldAgg, newAgg), timestamp,
                record.headers()));
      }

      @Override
      public void close() {
        dropReporter.close();
      }
    };
  }
}
