package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorContext;
import io.sluice.processor.TopologyException;
import io.sluice.serdes.internals.Change;
import io.sluice.serdes.internals.ChangeSerde;
import org.apache.kafka.common.serialization.Serde;

/**
 * The bytes of table updates in a grouped table's repartition topic ({@link ChangeSerde} format
 * around the value serde). The processors on both sides of the topic encode and decode them, since
 * only a processor can fall back to {@code default.value.serde} when the user gave no serde.
 *
 * @param <V> value type
 */
final class ChangeCodec<V> {
  private final ChangeSerde<V> serde;
  private final String topic;

  private ChangeCodec(Serde<V> inner, String topic) {
    this.serde = new ChangeSerde<>(inner);
    this.topic = topic;
  }

  /**
   * @param valueSerde the user's value serde, or {@code null} for {@code default.value.serde}
   * @param context the processor's context, for the default
   * @param operator the operator's name, for the error message
   * @param topic the repartition topic's relative name
   * @return the codec
   * @throws TopologyException if there is neither a value serde nor a default one
   */
  static <V> ChangeCodec<V> resolve(Serde<V> valueSerde, ProcessorContext<?, ?> context,
      String operator, String topic) {
    Serde<V> inner = valueSerde != null ? valueSerde : defaultSerde(context);
    if (inner == null) {
      throw new TopologyException("Operator '" + operator + "' writes table updates to the"
          + " repartition topic '" + topic + "' but has no value serde and default.value.serde"
          + " is not set; pass one with Grouped.with(keySerde, valueSerde) or set"
          + " default.value.serde");
    }
    return new ChangeCodec<>(inner, topic);
  }

  @SuppressWarnings("unchecked") // the default serde is the user's promise that it fits V
  private static <V> Serde<V> defaultSerde(ProcessorContext<?, ?> context) {
    return (Serde<V>) context.valueSerde();
  }

  /** @return the update's bytes */
  byte[] encode(Change<V> change) {
    return serde.serializer().serialize(topic, change);
  }

  /** @return the update read from {@code bytes}, or {@code null} for null bytes */
  Change<V> decode(byte[] bytes) {
    return serde.deserializer().deserialize(topic, bytes);
  }
}
