package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.processor.RecordMetadata;
import io.sluice.serdes.internals.Change;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serde;

/**
 * The left side of a foreign-key join: turns each update of a left row into subscriptions, keyed
 * by foreign key, for the subscription registration topic (values already serialized).
 *
 * <p>With old foreign key {@code fo} (of the old value) and new foreign key {@code fn}, as
 * Kafka Streams does: an inner join unsubscribes from {@code fo} with an answer (so the previous
 * result is deleted) when the row is deleted or {@code fn} is null (the row is then reported as
 * dropped, {@link DropReason#NULL_FOREIGN_KEY}), silently when it moved to another {@code fn},
 * which it then asks for an answer even without a foreign row; a new row or an unchanged key asks
 * for an answer only when a foreign row exists. A left join unsubscribes from a {@code fo} it
 * left silently and always asks {@code fn} (the null key for a deleted row or a null {@code fn},
 * which the right side answers at once without a foreign row) for an answer.
 *
 * Every subscription carries the hash of the new left value, which the response echoes.
 *
 * @param <K> left key type
 * @param <V> left value type
 * @param <KO> foreign key type
 */
final class SubscriptionSender<K, V, KO> implements ProcessorSupplier<K, Change<V>, KO, byte[]> {
  private final ForeignKeyJoinSpec<K, V, KO, ?> spec;
  private final BiFunction<? super K, ? super V, ? extends KO> extractor;
  private final DropSpec drops;

  SubscriptionSender(ForeignKeyJoinSpec<K, V, KO, ?> spec,
      BiFunction<? super K, ? super V, ? extends KO> extractor, DropSpec drops) {
    this.spec = spec;
    this.extractor = extractor;
    this.drops = drops;
  }

  @Override
  public Processor<K, Change<V>, KO, byte[]> get() {
    return new Sender();
  }

  private final class Sender implements Processor<K, Change<V>, KO, byte[]> {
    private final DropReporter dropReporter = new DropReporter(drops);
    private ProcessorContext<KO, byte[]> context;
    private Serde<V> leftValues;
    private Serde<KO> foreignKeys;
    private SubscriptionSerde<K> subscriptions;

    @Override
    public void init(ProcessorContext<KO, byte[]> context) {
      this.context = context;
      dropReporter.init(context);
      leftValues = spec.resolve(spec.leftValueSerde(), context, false, "the left table's values");
      foreignKeys = spec.resolve(spec.foreignKeySerde(), context, true, "the foreign keys");
      subscriptions = new SubscriptionSerde<>(
          spec.resolve(spec.leftKeySerde(), context, true, "the left table's keys"));
    }

    @Override
    public void process(Record<K, Change<V>> record) {
      if (record.key() == null) {
        dropReporter.drop(record.withValue(record.value().newValue()), DropReason.NULL_KEY);
        return;
      }
      V oldValue = record.value().oldValue();
      V newValue = record.value().newValue();
      KO oldKey = oldValue == null ? null : extractor.apply(record.key(), oldValue);
      KO newKey = newValue == null ? null : extractor.apply(record.key(), newValue);
      if (spec.leftJoin()) {
        leftJoin(record, oldValue, oldKey, newValue, newKey);
      } else {
        innerJoin(record, oldValue, oldKey, newValue, newKey);
      }
    }

    /**
     * A left join always answers the new state: a move away from a key unsubscribes from it
     * silently, then the row subscribes to its new key (the null key when deleted or without
     * one), which answers even without a foreign row.
     */
    private void leftJoin(Record<K, Change<V>> record, V oldValue, KO oldKey, V newValue,
        KO newKey) {
      if (oldValue == null && newValue == null) {
        return;
      }
      if (oldKey != null && !sameKey(oldKey, newKey)) {
        send(record, oldKey, SubscriptionInstruction.DELETE_KEY_NO_PROPAGATE);
      }
      send(record, newKey, SubscriptionInstruction.PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE);
    }

    /**
     * An inner join subscribes only rows with a foreign key; a delete or a move to the null key
     * unsubscribes with an answer (the result's delete), a move to another key unsubscribes
     * silently and asks the new key for an answer even without a foreign row.
     */
    private void innerJoin(Record<K, Change<V>> record, V oldValue, KO oldKey, V newValue,
        KO newKey) {
      if (newValue == null) {
        if (oldKey != null) {
          send(record, oldKey, SubscriptionInstruction.DELETE_KEY_AND_PROPAGATE);
        }
        return;
      }
      if (newKey == null) {
        if (oldKey != null) {
          send(record, oldKey, SubscriptionInstruction.DELETE_KEY_AND_PROPAGATE);
        }
        dropReporter.drop(record.withValue(newValue), DropReason.NULL_FOREIGN_KEY);
        return;
      }
      boolean moved = oldKey != null && !sameKey(oldKey, newKey);
      if (moved) {
        send(record, oldKey, SubscriptionInstruction.DELETE_KEY_NO_PROPAGATE);
      }
      send(record, newKey, moved
          ? SubscriptionInstruction.PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE
          : SubscriptionInstruction.PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE);
    }

    private boolean sameKey(KO a, KO b) {
      if (a == null || b == null) {
        return a == b;
      }
      return Arrays.equals(foreignKeys.serializer().serialize(spec.subscriptionTopic(), a),
          foreignKeys.serializer().serialize(spec.subscriptionTopic(), b));
    }

    private void send(Record<K, Change<V>> record, KO foreignKey,
        SubscriptionInstruction instruction) {
      V newValue = record.value().newValue();
      byte[] hash = newValue == null ? null
          : ValueHash.of(leftValues.serializer().serialize(spec.hashTopic(), newValue));
      int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
      byte[] subscription = subscriptions.serializer().serialize(spec.subscriptionTopic(),
          new Subscription<>(hash, instruction, record.key(), partition));
      context.forward(record.withKey(foreignKey).withValue(subscription));
    }

    @Override
    public void close() {
      dropReporter.close();
    }
  }
}
