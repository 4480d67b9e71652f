package io.sluice.state.internals;

import io.sluice.state.WindowBytesStoreSupplier;
import io.sluice.state.WindowStore;
import org.apache.kafka.common.serialization.Serde;

/**
 * Builds window stores: metered → caching (when enabled and the supplier does not retain
 * duplicates) → changelogging (when enabled) → the supplied byte store.
 */
public final class WindowStoreBuilder<K, V> extends WindowBuilderBase<K, V, WindowStore<K, V>> {

  /**
   * @param supplier supplies the byte store at the core
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the value serde, or {@code null} for {@code default.value.serde}
   */
  public WindowStoreBuilder(
      WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    super(supplier, keySerde, valueSerde);
  }

  @Override
  public WindowStore<K, V> build() {
    return new MeteredWindowStore<>(byteLayers(), metricsScope(), keySerde(), valueSerde());
  }
}
