package io.sluice.state.internals;

import io.sluice.state.KeyValueBytesStoreSupplier;
import io.sluice.state.TimestampedKeyValueStore;
import org.apache.kafka.common.serialization.Serde;

/**
 * Builds timestamped key-value stores: metered (value-and-timestamp format) → time-to-live (when
 * a ttl is set) → caching (when enabled) → changelogging (when enabled) → the supplied byte store.
 */
public final class TimestampedKeyValueStoreBuilder<K, V>
    extends KeyValueBuilderBase<K, V, TimestampedKeyValueStore<K, V>> {

  /**
   * @param supplier supplies the byte store at the core
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the plain value serde, or {@code null} for {@code default.value.serde}
   */
  public TimestampedKeyValueStoreBuilder(
      KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    super(supplier, keySerde, valueSerde);
  }

  @Override
  public TimestampedKeyValueStore<K, V> build() {
    return new MeteredTimestampedKeyValueStore<>(
        byteLayers(), metricsScope(), keySerde(), valueSerde());
  }
}
