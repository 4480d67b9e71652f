package io.sluice.state.internals;

import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.ValueAndTimestampSerde;
import io.sluice.state.KeyValueStore;
import io.sluice.state.TimestampedKeyValueStore;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * A metered key-value store whose values are {@link ValueAndTimestamp}s, stored in the {@link
 * ValueAndTimestampSerde} format around the plain value serde.
 */
final class MeteredTimestampedKeyValueStore<K, V>
    extends MeteredKeyValueStore<K, ValueAndTimestamp<V>>
    implements TimestampedKeyValueStore<K, V> {

  private final Serde<V> plainValueSerde;

  /**
   * @param valueSerde the plain value serde, or {@code null} for {@code default.value.serde}
   */
  MeteredTimestampedKeyValueStore(
      KeyValueStore<Bytes, byte[]> inner,
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
