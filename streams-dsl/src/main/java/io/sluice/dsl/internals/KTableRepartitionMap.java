package io.sluice.dsl.internals;

import io.sluice.dsl.KeyValueMapper;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.internals.Change;
import io.sluice.state.KeyValue;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * {@code KTable.groupBy}: maps each row update's old and new value to (new key, new value) pairs
 * and sends the removal of the old pair before the addition of the new one, or one update with
 * both when the two pairs share a key, encoded for the repartition topic. Pairs with a
 * {@code null} value are skipped; pairs with a {@code null} key are dropped and reported, typed as
 * the grouped table's records (the selected pair).
 *
 * @param <K> key type of the table
 * @param <V> value type of the table
 * @param <KR> grouping key type
 * @param <VR> grouped value type
 */
final class KTableRepartitionMap<K, V, KR, VR>
    implements ProcessorSupplier<K, Change<V>, KR, byte[]> {
  private final String name;
  private final KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector;
  private final Serde<VR> valueSerde;
  private final DropSpec drops;
  private String topic;

  KTableRepartitionMap(String name,
      KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector, Serde<VR> valueSerde,
      DropSpec drops) {
    this.name = name;
    this.selector = selector;
    this.valueSerde = valueSerde;
    this.drops = drops;
  }

  /** Sets the repartition topic once the aggregation that reads it is declared. */
  void topic(String repartitionTopic) {
    this.topic = repartitionTopic;
  }

  @Override
  public Processor<K, Change<V>, KR, byte[]> get() {
    return new Processor<>() {
      private final DropReporter dropReporter = new DropReporter(drops);
      private ProcessorContext<KR, byte[]> context;
      private ChangeCodec<VR> codec;

      @Override
      public void init(ProcessorContext<KR, byte[]> context) {
        this.context = context;
        dropReporter.init(context);
        codec = ChangeCodec.resolve(valueSerde, context, name, topic);
      }

      @Override
      public void process(Record<K, Change<V>> record) {
        KeyValue<KR, VR> newPair = pair(record, record.value().newValue());
        KeyValue<KR, VR> oldPair = pair(record, record.value().oldValue());
        if (newPair != null && oldPair != null && Objects.equals(oldPair.key(), newPair.key())) {
          send(record, newPair.key(), new Change<>(oldPair.value(), newPair.value()));
          return;
        }
        if (oldPair != null) {
          send(record, oldPair.key(), new Change<>(oldPair.value(), null));
        }
        if (newPair != null) {
          send(record, newPair.key(), new Change<>(null, newPair.value()));
        }
      }

      private KeyValue<KR, VR> pair(Record<K, Change<V>> record, V value) {
        if (value == null) {
          return null;
        }
        KeyValue<KR, VR> pair = selector.apply(record.key(), value);
        if (pair == null || pair.value() == null) {
          return null;
        }
        if (pair.key() == null) {
          dropReporter.drop(record.withKey(pair.key()).withValue(pair.value()),
              DropReason.NULL_KEY);
          return null;
        }
        return pair;
      }

      private void send(Record<K, Change<V>> record, KR key, Change<VR> change) {
        context.forward(new Record<>(key, codec.encode(change), record.timestamp(),
            record.headers()));
      }

      @Override
      public void close() {
        dropReporter.close();
      }
    };
  }
}
