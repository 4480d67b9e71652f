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
 * foreign-key bytes and serialized {@link Subscription}s): records or forgets each subscription
 * in the subscription store under {@link CombinedKey}, then answers on the response topic as the
 * instruction asks, with the foreign row's current value and timestamp the larger of the
 * subscription's and the foreign row's.
 *
 * <p>A subscription with a null foreign key (a left join's row without one) is not stored: it is
 * answered at once without a foreign value.
 *
 * @param <K> left key type
 * @param <KO> foreign key type
 * @param <VO> foreign value type
 */
final class SubscriptionReceiver<K, KO, VO> implements ProcessorSupplier<byte[], byte[], K, byte[]> {
  private final ForeignKeyJoinSpec<K, ?, KO, VO> spec;
  private final KTableValueGetterSupplier<KO, VO> foreignTable;

  SubscriptionReceiver(ForeignKeyJoinSpec<K, ?, KO, VO> spec,
      KTableValueGetterSupplier<KO, VO> foreignTable) {
    this.spec = spec;
    this.foreignTable = foreignTable;
  }

  @Override
  public Processor<byte[], byte[], K, byte[]> get() {
    return new Receiver();
  }

  private final class Receiver implements Processor<byte[], byte[], K, byte[]> {
    private final KTableValueGetter<KO, VO> foreignRows = foreignTable.get();
    private ProcessorContext<K, byte[]> context;
    private TimestampedKeyValueStore<Bytes, byte[]> store;
    private Serde<K> leftKeys;
    private Serde<KO> foreignKeys;
    private SubscriptionSerde<K> subscriptions;
    private SubscriptionResponseSerde<VO> responses;

    @Override
    public void init(ProcessorContext<K, byte[]> context) {
      this.context = context;
      foreignRows.init(context);
      store = context.getStateStore(spec.storeName());
      leftKeys = spec.resolve(spec.leftKeySerde(), context, true, "the left table's keys");
      foreignKeys = spec.resolve(spec.foreignKeySerde(), context, true, "the foreign keys");
      subscriptions = new SubscriptionSerde<>(leftKeys);
      responses = new SubscriptionResponseSerde<>(
          spec.resolve(spec.foreignValueSerde(), context, false, "the foreign table's values"));
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      Subscription<K> subscription =
          subscriptions.deserializer().deserialize(spec.subscriptionTopic(), record.value());
      if (subscription == null) {
        return;
      }
      SubscriptionInstruction instruction = subscription.instruction();
      ValueAndTimestamp<VO> foreignRow = null;
      if (record.key() != null) {
        Bytes storeKey = CombinedKey.of(record.key(), leftKeys.serializer()
            .serialize(spec.subscriptionTopic(), subscription.primaryKey()));
        if (instruction.subscribes()) {
          store.put(storeKey, ValueAndTimestamp.make(record.value(), record.timestamp()));
        } else {
          store.delete(storeKey);
        }
        foreignRow = foreignRows.get(
            foreignKeys.deserializer().deserialize(spec.subscriptionTopic(), record.key()));
      }
      VO foreignValue = ValueAndTimestamp.getValueOrNull(foreignRow);
      boolean answer = switch (instruction) {
        case DELETE_KEY_NO_PROPAGATE -> false;
        case PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE -> foreignValue != null;
        case DELETE_KEY_AND_PROPAGATE, PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE -> true;
      };
      if (!answer) {
        return;
      }
      VO sent = instruction == SubscriptionInstruction.DELETE_KEY_AND_PROPAGATE
          ? null : foreignValue;
      long timestamp = foreignValue == null
          ? record.timestamp() : Math.max(record.timestamp(), foreignRow.timestamp());
      byte[] response = responses.serializer().serialize(spec.responseTopic(),
          new SubscriptionResponse<>(subscription.valueHash(), sent,
              subscription.primaryPartition()));
      context.forward(record.withKey(subscription.primaryKey()).withValue(response)
          .withTimestamp(timestamp));
    }

    @Override
    public void close() {
      foreignRows.close();
    }
  }
}
