package io.sluice.state.internals;

import io.sluice.state.KeyValueBytesStoreSupplier;
import io.sluice.state.KeyValueStore;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * Builds key-value stores: metered → caching (when enabled) → changelogging (when enabled) → the
 * supplied byte store.
 */
public final class KeyValueStoreBuilder<K, V>
    extends AbstractStoreBuilder<K, V, KeyValueStore<K, V>> {

  private final KeyValueBytesStoreSupplier supplier;

  /**
   * @param supplier supplies the byte store at the core
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the value serde, or {@code null} for {@code default.value.serde}
   */
  public KeyValueStoreBuilder(
      KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    super(Objects.requireNonNull(supplier, "supplier").name(), keySerde, valueSerde);
    this.supplier = supplier;
  }

  @Override
  public KeyValueStore<K, V> build() {
    KeyValueStore<Bytes, byte[]> bytes = supplier.get();
    if (loggingEnabled()) {
      bytes = new ChangeLoggingKeyValueBytesStore(bytes);
    }
    if (cachingEnabled()) {
      bytes = new CachingKeyValueStore(bytes, supplier.metricsScope());
    }
    return new MeteredKeyValueStore<>(bytes, supplier.metricsScope(), keySerde(), valueSerde());
  }
}
