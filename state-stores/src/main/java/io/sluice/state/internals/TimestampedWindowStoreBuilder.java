package io.sluice.state.internals;

import io.sluice.state.TimestampedWindowStore;
import io.sluice.state.WindowBytesStoreSupplier;
import org.apache.kafka.common.serialization.Serde;

/**
 * Builds timestamped window stores: metered (value-and-timestamp format) → caching (when enabled
 * and the supplier does not retain duplicates) → changelogging (when enabled) → the supplied byte
 * store.
 */
public final class TimestampedWindowStoreBuilder<K, V>
    extends WindowBuilderBase<K, V, TimestampedWindowStore<K, V>> {

  /**
   * @param supplier supplies the byte store at the core
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the plain value serde, or {@code null} for {@code default.value.serde}
   */
  public TimestampedWindowStoreBuilder(
      WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    super(supplier, keySerde, valueSerde);
  }

  @Override
  public TimestampedWindowStore<K, V> build() {
    return new MeteredTimestampedWindowStore<>(
        byteLayers(), metricsScope(), keySerde(), valueSerde());
  }
}
