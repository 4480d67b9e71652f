package io.sluice.dsl.internals;

import io.sluice.dsl.Reducer;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;

/**
 * {@code KGroupedStream.reduce}: the first value of a key is its aggregate, each later one is
 * combined with it by the reducer; stamped with the largest timestamp so far. Records with a
 * {@code null} key or value are dropped and reported.
 *
 * @param <K> key type
 * @param <V> value and aggregate type
 */
final class KStreamReduce<K, V>
    implements ProcessorSupplier<K, V, K, Change<V>>, TableOperator<K, V> {
  private final String storeName;
  private final Reducer<V> reducer;
  private final DropSpec drops;
  private boolean sendOldValues;

  KStreamReduce(String storeName, Reducer<V> reducer, DropSpec drops) {
    this.storeName = storeName;
    this.reducer = reducer;
    this.drops = drops;
  }

  @Override
  public KTableValueGetterSupplier<K, V> view() {
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
  public Processor<K, V, K, Change<V>> get() {
    return new Processor<>() {
      private final DropReporter dropReporter = new DropReporter(drops);
      private TableStore<K, V> store;
      private TableForwarder<K, V> forwarder;

      @Override
      public void init(ProcessorContext<K, Change<V>> context) {
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
        ValueAndTimestamp<V> old = store.get(record.key());
        V oldAgg = ValueAndTimestamp.getValueOrNull(old);
        V newAgg;
        long timestamp;
        if (oldAgg == null) {
          newAgg = record.value();
          timestamp = record.timestamp();
        } else {
          newAgg = reducer.apply(oldAgg, record.value());
          timestamp = Math.max(record.timestamp(), old.timestamp());
        }
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
