package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import org.apache.kafka.common.serialization.Serde;

/**
 * The right side of a foreign-key join, after the {@link SubscriptionReceiver}: answers each
 * subscription on the response topic as its instruction asks, with the foreign row's current
 * value and timestamp the larger of the subscription's and the foreign row's (the
 * subscription's alone when there is no foreign row). A subscription with a null foreign key is
 * answered without a foreign value.
 *
 * @param <K> left key type
 * @param <KO> foreign key type
 * @param <VO> foreign value type
 */
final class SubscriptionJoiner<K, KO, VO>
    implements ProcessorSupplier<byte[], Subscription<K>, K, byte[]> {
  private final ForeignKeyJoinSpec<K, ?, KO, VO> spec;
  private final KTableValueGetterSupplier<KO, VO> foreignTable;

  SubscriptionJoiner(ForeignKeyJoinSpec<K, ?, KO, VO> spec,
      KTableValueGetterSupplier<KO, VO> foreignTable) {
    this.spec = spec;
    this.foreignTable = foreignTable;
  }

  @Override
  public Processor<byte[], Subscription<K>, K, byte[]> get() {
    return new Joiner();
  }

  private final class Joiner implements Processor<byte[], Subscription<K>, K, byte[]> {
    private final KTableValueGetter<KO, VO> foreignRows = foreignTable.get();
    private ProcessorContext<K, byte[]> context;
    private Serde<KO> foreignKeys;
    private SubscriptionResponseSerde<VO> responses;

    @Override
    public void init(ProcessorContext<K, byte[]> context) {
      this.context = context;
      foreignRows.init(context);
      foreignKeys = spec.resolve(spec.foreignKeySerde(), context, true, "the foreign keys");
      responses = new SubscriptionResponseSerde<>(
          spec.resolve(spec.foreignValueSerde(), context, false, "the foreign table's values"));
    }

    @Override
    public void process(Record<byte[], Subscription<K>> record) {
      Subscription<K> subscription = record.value();
      SubscriptionInstruction instruction = subscription.instruction();
      ValueAndTimestamp<VO> foreignRow = record.key() == null ? null : foreignRows.get(
          foreignKeys.deserializer().deserialize(spec.subscriptionTopic(), record.key()));
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
