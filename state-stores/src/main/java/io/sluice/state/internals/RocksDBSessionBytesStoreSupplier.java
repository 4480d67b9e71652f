package io.sluice.state.internals;

import io.sluice.state.SessionBytesStoreSupplier;
import io.sluice.state.SessionStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * Supplies RocksDB session byte stores, segmented by session end so retention drops whole segments.
 *
 * @param name the store name, already validated
 * @param retentionPeriod milliseconds, already validated
 * @param segmentIntervalMs the time span of one segment, milliseconds, positive; {@link
 *     RocksDBWindowBytesStoreSupplier#defaultSegmentInterval} is a good choice
 */
public record RocksDBSessionBytesStoreSupplier(
    String name, long retentionPeriod, long segmentIntervalMs)
    implements SessionBytesStoreSupplier {

  /**
   * @throws IllegalArgumentException if {@code segmentIntervalMs} is not positive
   */
  public RocksDBSessionBytesStoreSupplier {
    if (segmentIntervalMs <= 0) {
      throw new IllegalArgumentException(
          "segment interval of store " + name + " must be positive but was " + segmentIntervalMs);
    }
  }

  @Override
  public SessionStore<Bytes, byte[]> get() {
    return new RocksDBSessionStore(name, metricsScope(), retentionPeriod, segmentIntervalMs);
  }

  @Override
  public String metricsScope() {
    return "rocksdb-session";
  }
}
