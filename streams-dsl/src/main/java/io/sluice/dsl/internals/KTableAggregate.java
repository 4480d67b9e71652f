package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;
import org.apache.kafka.common.serialization.Serde;

/**
 * {@code KGroupedTable.aggregate}, {@code reduce} and {@code count}: reads row updates from the
 * repartition topic and applies each to its key's aggregate, first removing the old value (if the
 * key has an aggregate) and then adding the new one; a {@code null} aggregate deletes the key.
 * The aggregate carries the largest timestamp of the updates applied to it.
 *
 * @param <K> grouping key type
 * @param <V> grouped value type
 * @param <VA> aggregate type
 */
final class KTableAggregate<K, V, VA>
    implements ProcessorSupplier<K, byte[], K, Change<VA>>, TableOperator<K, VA> {
  /** The aggregation function: how an update changes an aggregate. */
  interface Step<K, V, VA> {
    /**
     * @param oldAgg the key's aggregate, or {@code null} if it has none
     * @return the new aggregate, or {@code null} to delete the key
     */
    VA apply(K key, Change<V> change, VA oldAgg);
  }

  private final String name;
  private final String storeName;
  private final Serde<V> valueSerde;
  private final Step<K, V, VA> step;
  private String topic;
  private boolean sendOldValues;

  /**
   * @param valueSerde the grouped value serde, or {@code null} for the default
   */
  KTableAggregate(String name, String storeName, Serde<V> valueSerde, Step<K, V, VA> step) {
    this.name = name;
    this.storeName = storeName;
    this.valueSerde = valueSerde;
    this.step = step;
  }

  /** Sets the repartition topic this aggregation reads. */
  void topic(String repartitionTopic) {
    this.topic = repartitionTopic;
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
  public Processor<K, byte[], K, Change<VA>> get() {
    return new Processor<>() {
      private TableStore<K, VA> store;
      private TableForwarder<K, VA> forwarder;
      private ChangeCodec<V> codec;

      @Override
      public void init(ProcessorContext<K, Change<VA>> context) {
        codec = ChangeCodec.resolve(valueSerde, context, name, topic);
        store = context.getStateStore(storeName);
        forwarder = new TableForwarder<>(store, context, sendOldValues);
      }

      @Override
      public void process(Record<K, byte[]> record) {
        Change<V> change = codec.decode(record.value());
        if (record.key() == null || change == null) {
          return;
        }
        ValueAndTimestamp<VA> old = store.get(record.key());
        VA oldAgg = ValueAndTimestamp.getValueOrNull(old);
        VA newAgg = step.apply(record.key(), change, oldAgg);
        long timestamp = old == null ? record.timestamp()
            : Math.max(record.timestamp(), old.timestamp());
        store.put(record.key(), ValueAndTimestamp.make(newAgg, timestamp));
        forwarder.maybeForward(new Record<>(record.key(), new Change<>(oldAgg, newAgg), timestamp,
            record.headers()));
      }
    };
  }
}
