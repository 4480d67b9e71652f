package io.sluice.state.internals;

import io.sluice.state.KeyValueBytesStoreSupplier;
import io.sluice.state.StateStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * What the plain and the timestamped key-value builders share: the supplier, the time-to-live,
 * and the byte layers below the metered one — time-to-live (when a ttl is set) → caching (when
 * enabled) → changelogging (when enabled) → the supplied byte store. Subclasses add only their
 * metered layer.
 */
abstract class KeyValueBuilderBase<K, V, T extends StateStore>
    extends AbstractStoreBuilder<K, V, T> implements io.sluice.state.KeyValueStoreBuilder<T> {

  private final KeyValueBytesStoreSupplier supplier;
  private long ttlMs;

  KeyValueBuilderBase(KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    super(Objects.requireNonNull(supplier, "supplier").name(), keySerde, valueSerde);
    this.supplier = supplier;
  }

  @Override
  public final io.sluice.state.KeyValueStoreBuilder<T> withTtl(Duration ttl) {
    this.ttlMs = TtlSettings.validTtlMs(name(), ttl);
    return this;
  }

  @Override
  public final Optional<Duration> ttl() {
    return ttlMs > 0 ? Optional.of(Duration.ofMillis(ttlMs)) : Optional.empty();
  }

  /** The supplier's metrics scope, for the metered layer. */
  final String metricsScope() {
    return supplier.metricsScope();
  }

  /** A new byte store with every layer below the metered one. */
  final io.sluice.state.KeyValueStore<Bytes, byte[]> byteLayers() {
    io.sluice.state.KeyValueStore<Bytes, byte[]> bytes = supplier.get();
    if (loggingEnabled()) {
      bytes = new ChangeLoggingKeyValueBytesStore(bytes);
    }
    if (cachingEnabled()) {
      bytes = new CachingKeyValueStore(bytes, supplier.metricsScope());
    }
    if (ttlMs > 0) {
      bytes = new TimeToLiveKeyValueStore(bytes, ttlMs);
    }
    return bytes;
  }
}
