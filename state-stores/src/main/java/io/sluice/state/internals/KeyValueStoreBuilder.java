package io.sluice.state.internals;

import io.sluice.state.KeyValueBytesStoreSupplier;
import io.sluice.state.KeyValueStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * Builds key-value stores: metered → time-to-live (when a ttl is set) → caching (when enabled) → changelogging (when enabled) → the
 * supplied byte store.
 */
public final class KeyValueStoreBuilder<K, V>
    extends AbstractStoreBuilder<K, V, KeyValueStore<K, V>>
    implements io.sluice.state.KeyValueStoreBuilder<KeyValueStore<K, V>> {

  private final KeyValueBytesStoreSupplier supplier;
  private long ttlMs;

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
  public io.sluice.state.KeyValueStoreBuilder<KeyValueStore<K, V>> withTtl(Duration ttl) {
    this.ttlMs = TtlSettings.validTtlMs(name(), ttl);
    return this;
  }

  @Override
  public Optional<Duration> ttl() {
    return ttlMs > 0 ? Optional.of(Duration.ofMillis(ttlMs)) : Optional.empty();
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
    if (ttlMs > 0) {
      bytes = new TimeToLiveKeyValueStore(bytes, ttlMs);
    }
    return new MeteredKeyValueStore<>(bytes, supplier.metricsScope(), keySerde(), valueSerde());
  }
}
