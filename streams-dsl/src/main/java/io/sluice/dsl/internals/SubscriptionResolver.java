package io.sluice.dsl.internals;

import io.sluice.dsl.ValueJoiner;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Serde;

/**
 * The left side of a foreign-key join, reading the response topic: discards a response whose
 * value hash no longer matches the left row's current value (it answers an older version of the
 * row, and a newer response is on its way), otherwise joins the current left value with the
 * foreign value. Without a foreign value, an inner join forwards a delete and a left join the
 * left value joined with {@code null}; without a left row, a delete.
 *
 * @param <K> left key type
 * @param <V> left value type
 * @param <VO> foreign value type
 * @param <VR> result value type
 */
final class SubscriptionResolver<K, V, VO, VR> implements ProcessorSupplier<K, byte[], K, VR> {
  private final ForeignKeyJoinSpec<K, V, ?, VO> spec;
  private final KTableValueGetterSupplier<K, V> leftTable;
  private final ValueJoiner<? super V, ? super VO, ? extends VR> joiner;

  SubscriptionResolver(ForeignKeyJoinSpec<K, V, ?, VO> spec,
      KTableValueGetterSupplier<K, V> leftTable,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
    this.spec = spec;
    this.leftTable = leftTable;
    this.joiner = joiner;
  }

  @Override
  public Processor<K, byte[], K, VR> get() {
    return new Resolver();
  }

  private final class Resolver implements Processor<K, byte[], K, VR> {
    private final KTableValueGetter<K, V> leftRows = leftTable.get();
    private ProcessorContext<K, VR> context;
    private Serde<V> leftValues;
    private SubscriptionResponseSerde<VO> responses;

    @Override
    public void init(ProcessorContext<K, VR> context) {
      this.context = context;
      leftRows.init(context);
      leftValues = spec.resolve(spec.leftValueSerde(), context, false, "the left table's values");
      responses = new SubscriptionResponseSerde<>(
          spec.resolve(spec.foreignValueSerde(), context, false, "the foreign table's values"));
    }

    @Override
    public void process(Record<K, byte[]> record) {
      SubscriptionResponse<VO> response =
          responses.deserializer().deserialize(spec.responseTopic(), record.value());
      if (response == null || record.key() == null) {
        return;
      }
      V current = ValueAndTimestamp.getValueOrNull(leftRows.get(record.key()));
      byte[] currentHash = current == null
          ? null : ValueHash.of(leftValues.serializer().serialize(spec.hashTopic(), current));
      if (!Arrays.equals(currentHash, response.valueHash())) {
        return;
      }
      VO foreign = response.foreignValue();
      VR result = foreign == null && (!spec.leftJoin() || current == null)
          ? null : joiner.apply(current, foreign);
      context.forward(record.withValue(result));
    }

    @Override
    public void close() {
      leftRows.close();
    }
  }
}
