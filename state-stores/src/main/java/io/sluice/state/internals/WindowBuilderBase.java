package io.sluice.state.internals;

import io.sluice.state.StateStore;
import io.sluice.state.WindowBytesStoreSupplier;
import io.sluice.state.WindowStore;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * What the plain and the timestamped window builders share: the supplier, its retention, and the
 * byte layers below the metered one — caching (when enabled, unless the supplier retains
 * duplicates: every put is then a new entry and there is nothing to deduplicate) → changelogging
 * (when enabled) → the supplied byte store. Subclasses add only their metered layer.
 */
abstract class WindowBuilderBase<K, V, T extends StateStore> extends AbstractStoreBuilder<K, V, T>
    implements RetainingStoreBuilder {

  private final WindowBytesStoreSupplier supplier;

  WindowBuilderBase(WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    super(Objects.requireNonNull(supplier, "supplier").name(), keySerde, valueSerde);
    this.supplier = supplier;
  }

  /** The supplier's retention period, in milliseconds. */
  @Override
  public final long retentionMs() {
    return supplier.retentionPeriod();
  }

  /** The supplier's metrics scope, for the metered layer. */
  final String metricsScope() {
    return supplier.metricsScope();
  }

  /** A new byte store with every layer below the metered one. */
  final WindowStore<Bytes, byte[]> byteLayers() {
    WindowStore<Bytes, byte[]> bytes = supplier.get();
    if (loggingEnabled()) {
      bytes = new ChangeLoggingWindowBytesStore(bytes, supplier.retainDuplicates());
    }
    if (cachingEnabled() && !supplier.retainDuplicates()) {
      bytes = new CachingWindowStore(
          bytes, supplier.metricsScope(), supplier.retentionPeriod(), supplier.windowSize());
    }
    return bytes;
  }
}
