package io.sluice.state.internals;

import io.sluice.state.SessionBytesStoreSupplier;
import io.sluice.state.SessionStore;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * Builds session stores: metered → caching (when enabled) → changelogging (when enabled) → the
 * supplied byte store.
 *
 * <p>With caching enabled, a caching layer sits between the metered and the changelogging layer.
 */
public final class SessionStoreBuilder<K, AGG>
    extends AbstractStoreBuilder<K, AGG, SessionStore<K, AGG>>
    implements RetainingStoreBuilder {

  private final SessionBytesStoreSupplier supplier;

  /**
   * @param supplier supplies the byte store at the core
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param aggSerde the aggregate serde, or {@code null} for {@code default.value.serde}
   */
  public SessionStoreBuilder(
      SessionBytesStoreSupplier supplier, Serde<K> keySerde, Serde<AGG> aggSerde) {
    super(Objects.requireNonNull(supplier, "supplier").name(), keySerde, aggSerde);
    this.supplier = supplier;
  }

  /** The supplier's retention period, in milliseconds. */
  @Override
  public long retentionMs() {
    return supplier.retentionPeriod();
  }

  @Override
  public SessionStore<K, AGG> build() {
    SessionStore<Bytes, byte[]> bytes = supplier.get();
    if (loggingEnabled()) {
      bytes = new ChangeLoggingSessionBytesStore(bytes);
    }
    if (cachingEnabled()) {
      bytes = new CachingSessionStore(bytes, supplier.metricsScope(), supplier.retentionPeriod());
    }
    return new MeteredSessionStore<>(bytes, supplier.metricsScope(), keySerde(), valueSerde());
  }
}
