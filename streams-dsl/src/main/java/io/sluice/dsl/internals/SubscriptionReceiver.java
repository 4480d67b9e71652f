package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.TimestampedKeyValueStore;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * The right side of a foreign-key join, reading the subscription registration topic (raw
 * foreign-key bytes and serialized {@link Subscription}s): records each subscription, with its
 * timestamp, in the subscription store under {@link CombinedKey}, or forgets it when its
 * instruction unsubscribes, and forwards it to the {@link SubscriptionJoiner}. A subscription with
 * a null foreign key (a left join's row without one) is not stored.
 *
 * @param <K> left key type
 */
final class SubscriptionReceiver<K>
    implements ProcessorSupplier<byte[], byte[], byte[], Subscription<K>> {
  private final ForeignKeyJoinSpec<K, ?, ?, ?> spec;

  SubscriptionReceiver(ForeignKeyJoinSpec<K, ?, ?, ?> spec) {
    this.spec = spec;
  }

  @Override
  public Processor<byte[], byte[], byte[], Subscription<K>> get() {
    return new Receiver();
  }

  private final class Receiver implements Processor<byte[], byte[], byte[], Subscription<K>> {
    private ProcessorContext<byte[], Subscription<K>> context;
    private TimestampedKeyValueStore<Bytes, byte[]> store;
    private Serde<K> leftKeys;
    private Serde<?> foreignKeys;
    private SubscriptionSerde<K> subscriptions;

    @Override
    public void init(ProcessorContext<byte[], Subscription<K>> context) {
      this.context = context;
      store = context.getStateStore(spec.storeName());
      leftKeys = spec.resolve(spec.leftKeySerde(), context, true, "the left table's keys");
      foreignKeys = spec.resolve(spec.foreignKeySerde(), context, true, "the foreign keys");
      subscriptions = new SubscriptionSerde<>(leftKeys);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      Subscription<K> subscription =
          subscriptions.deserializer().deserialize(spec.subscriptionTopic(), record.value());
      if (subscription == null) {
        return;
      }
      if (record.key() != null) {
        Bytes storeKey = CombinedKey.of(storedForm(foreignKeys, record.key()), leftKeys
            .serializer().serialize(spec.subscriptionTopic(), subscription.primaryKey()));
        if (subscription.instruction().subscribes()) {
          store.put(storeKey, ValueAndTimestamp.make(record.value(), record.timestamp()));
        } else {
          store.delete(storeKey);
        }
      }
      context.forward(record.withValue(subscription));
    }

    /**
     * The foreign key as the foreign side's updates serialize it for their prefix scan: under the
     * subscription topic's relative name, which a serde that writes the topic into its bytes
     * (schema registries) may render differently from the sink that wrote the record.
     */
    private <KO> byte[] storedForm(Serde<KO> serde, byte[] written) {
      String topic = spec.subscriptionTopic();
      return serde.serializer().serialize(topic, serde.deserializer().deserialize(topic, written));
    }
  }
}
