package io.sluice.state.internals;

import io.sluice.state.TimestampedWindowStore;
import io.sluice.state.WindowBytesStoreSupplier;
import io.sluice.state.WindowStore;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * Builds timestamped window stores: metered (value-and-timestamp format) → changelogging (when
 * enabled) → the supplied byte store.
 *
 * <p>With caching enabled, a caching layer sits between the metered and the changelogging layer,
 * unless the supplier retains duplicates (every put is a new entry, so there is nothing to
 * deduplicate): then writes go straight through.
 */
public final class TimestampedWindowStoreBuilder<K, V>
    extends AbstractStoreBuilder<K, V, TimestampedWindowStore<K, V>>
    implements RetainingStoreBuilder {

  private final WindowBytesStoreSupplier supplier;

  /**
   * @param supplier supplies the byte store at the core
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the plain value serde, or {@code null} for {@code default.value.serde}
   */
  public TimestampedWindowStoreBuilder(
      WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    super(Objects.requireNonNull(supplier, "supplier").name(), keySerde, valueSerde);
    this.supplier = supplier;
  }

  /** The supplier's retention period, in milliseconds. */
  @Override
  public long retentionMs() {
    return supplier.retentionPeriod();
  }

  @Override
  public TimestampedWindowStore<K, V> build() {
    WindowStore<Bytes, byte[]> bytes = supplier.get();
    if (loggingEnabled()) {
      bytes = new ChangeLoggingWindowBytesStore(bytes, supplier.retainDuplicates());
    }
    if (cachingEnabled() && !supplier.retainDuplicates()) {
      bytes =
          new CachingWindowStore(
              bytes, supplier.metricsScope(), supplier.retentionPeriod(), supplier.windowSize());
    }
    return new MeteredTimestampedWindowStore<>(
        bytes, supplier.metricsScope(), keySerde(), valueSerde());
  }
}
