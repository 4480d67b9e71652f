package io.sluice.state.internals;

import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.ValueAndTimestampSerde;
import io.sluice.state.TimestampedWindowStore;
import io.sluice.state.WindowStore;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * A metered window store whose values are {@link ValueAndTimestamp}s, stored in the {@link
 * ValueAndTimestampSerde} format around the plain value serde.
 */
final class MeteredTimestampedWindowStore<K, V> extends MeteredWindowStore<K, ValueAndTimestamp<V>>
    implements TimestampedWindowStore<K, V> {

  private final Serde<V> plainValueSerde;

  /**
   * @param valueSerde the plain value serde, or {@code null} for {@code default.value.serde}
   */
  MeteredTimestampedWindowStore(
      WindowStore<Bytes, byte[]> inner,
      String metricsScope,
      Serde<K> keySerde,
      Serde<V> valueSerde) {
    super(inner, metricsScope, keySerde, null);
    this.plainValueSerde = valueSerde;
  }

  @Override
  Serde<ValueAndTimestamp<V>> resolveValueSerde(
      Serde<ValueAndTimestamp<V>> given, InternalStoreContext context) {
    return new ValueAndTimestampSerde<>(
        StateSerdes.valueSerdeOrDefault(plainValueSerde, context, name()));
  }
}
