package io.sluice.dsl.internals;

import io.sluice.dsl.Aggregator;
import io.sluice.dsl.Initializer;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;
import io.sluice.state.TimestampedKeyValueStore;

/**
 * One input of a cogrouped (non-windowed) aggregation: folds its records, with its own aggregator,
 * into the aggregate all inputs share in one timestamped key-value store. A record with a null key
 * or a null value is dropped and reported, as Kafka Streams skips them. The aggregate's timestamp is the largest of its records'.
 *
 * @param <K> key type
 * @param <V> this input's value type
 * @param <VA> aggregate type
 */
final class KStreamCogroupAggregate<K, V, VA>
    implements ProcessorSupplier<K, V, K, Change<VA>>, SendsOldValues {
  private final String storeName;
  private final Initializer<VA> initializer;
  private final Aggregator<? super K, ? super V, VA> aggregator;
  private final DropSpec dropSpec;
  private boolean sendOldValues;

  KStreamCogroupAggregate(String storeName, Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, DropSpec dropSpec) {
    this.storeName = storeName;
    this.initializer = initializer;
    this.aggregator = aggregator;
    this.dropSpec = dropSpec;
  }

  @Override
  public void enableSendingOldValues() {
    sendOldValues = true;
  }

  @Override
  public Processor<K, V, K, Change<VA>> get() {
    return new Processor<>() {
      private final DropReporter drops = new DropReporter(dropSpec);
      private TimestampedKeyValueStore<K, VA> store;
      private TableForwarder<K, VA> forwarder;

      @Override
      public void init(ProcessorContext<K, Change<VA>> context) {
        drops.init(context);
        TableStore<K, VA> table = context.getStateStore(storeName);
        store = table;
        forwarder = new TableForwarder<>(table, context, sendOldValues);
      }

      @Override
      public void process(Record<K, V> record) {
        if (record.key() == null) {
          drops.drop(record, DropReason.NULL_KEY);
          return;
        }
        if (record.value() == null) {
          drops.drop(record, DropReason.NULL_VALUE);
          return;
        }
        ValueAndTimestamp<VA> old = store.get(record.key());
        VA oldAgg = old == null ? null : old.value();
        long timestamp = old == null ? record.timestamp()
            : Math.max(record.timestamp(), old.timestamp());
        VA newAgg = aggregator.apply(record.key(), record.value(),
            oldAgg == null ? initializer.apply() : oldAgg);
        store.put(record.key(), ValueAndTimestamp.make(newAgg, timestamp));
        forwarder.maybeForward(new Record<>(record.key(), new Change<>(oldAgg, newAgg), timestamp,
            record.headers()));
      }

      @Override
      public void close() {
        drops.close();
      }
    };
  }
}
