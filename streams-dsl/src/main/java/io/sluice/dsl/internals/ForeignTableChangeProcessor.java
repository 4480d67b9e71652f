package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.TimestampedKeyValueStore;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * The right side of a foreign-key join, reading the foreign table's updates: finds every
 * subscription to the updated foreign key (a prefix scan of the subscription store, in the order
 * of the serialized primary keys) and answers each on the response topic with the new foreign
 * value, with the update's timestamp (as Kafka Streams does: the subscription's time is not
 * considered here, unlike when a subscription arrives).
 *
 * @param <K> left key type
 * @param <KO> foreign key type
 * @param <VO> foreign value type
 */
final class ForeignTableChangeProcessor<K, KO, VO>
    implements ProcessorSupplier<KO, Change<VO>, K, byte[]> {
  private final ForeignKeyJoinSpec<K, ?, KO, VO> spec;

  ForeignTableChangeProcessor(ForeignKeyJoinSpec<K, ?, KO, VO> spec) {
    this.spec = spec;
  }

  @Override
  public Processor<KO, Change<VO>, K, byte[]> get() {
    return new ChangeProcessor();
  }

  private final class ChangeProcessor implements Processor<KO, Change<VO>, K, byte[]> {
    private ProcessorContext<K, byte[]> context;
    private TimestampedKeyValueStore<Bytes, byte[]> store;
    private Serde<KO> foreignKeys;
    private SubscriptionSerde<K> subscriptions;
    private SubscriptionResponseSerde<VO> responses;

    @Override
    public void init(ProcessorContext<K, byte[]> context) {
      this.context = context;
      store = context.getStateStore(spec.storeName());
      foreignKeys = spec.resolve(spec.foreignKeySerde(), context, true, "the foreign keys");
      subscriptions = new SubscriptionSerde<>(
          spec.resolve(spec.leftKeySerde(), context, true, "the left table's keys"));
      responses = new SubscriptionResponseSerde<>(
          spec.resolve(spec.foreignValueSerde(), context, false, "the foreign table's values"));
    }

    @Override
    public void process(Record<KO, Change<VO>> record) {
      if (record.key() == null) {
        return;
      }
      byte[] foreignKey = foreignKeys.serializer().serialize(spec.subscriptionTopic(),
          record.key());
      VO newValue = record.value().newValue();
      try (KeyValueIterator<Bytes, ValueAndTimestamp<byte[]>> subscribers =
          store.prefixScan(CombinedKey.prefix(foreignKey), Serdes.Bytes().serializer())) {
        while (subscribers.hasNext()) {
          KeyValue<Bytes, ValueAndTimestamp<byte[]>> entry = subscribers.next();
          Subscription<K> subscription = subscriptions.deserializer()
              .deserialize(spec.subscriptionTopic(), entry.value().value());
          byte[] response = responses.serializer().serialize(spec.responseTopic(),
              new SubscriptionResponse<>(subscription.valueHash(), newValue,
                  subscription.primaryPartition()));
          context.forward(record.withKey(subscription.primaryKey()).withValue(response));
        }
      }
    }
  }
}
