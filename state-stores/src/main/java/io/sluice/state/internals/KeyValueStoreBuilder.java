package io.sluice.state.internals;

import io.sluice.state.KeyValueBytesStoreSupplier;
import io.sluice.state.KeyValueStore;
import org.apache.kafka.common.serialization.Serde;

/**
 * Builds key-value stores: metered → time-to-live (when a ttl is set) → caching (when enabled) →
 * changelogging (when enabled) → the supplied byte store.
 */
public final class KeyValueStoreBuilder<K, V>
    extends KeyValueBuilderBase<K, V, KeyValueStore<K, V>> {

  /**
   * @param supplier supplies the byte store at the core
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the value serde, or {@code null} for {@code default.value.serde}
   */
  public KeyValueStoreBuilder(
      KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    super(supplier, keySerde, valueSerde);
  }

  @Override
  public KeyValueStore<K, V> build() {
    return new MeteredKeyValueStore<>(byteLayers(), metricsScope(), keySerde(), valueSerde());
  }
}
