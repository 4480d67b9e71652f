package io.sluice.state.internals;

import io.sluice.state.WindowBytesStoreSupplier;
import io.sluice.state.WindowStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * Supplies RocksDB window byte stores, segmented by time so retention drops whole segments.
 *
 * @param name the store name, already validated
 * @param retentionPeriod milliseconds, already validated
 * @param windowSize milliseconds, already validated
 * @param retainDuplicates whether every put is kept
 * @param segmentIntervalMs the time span of one segment, milliseconds, positive; {@link
 *     #defaultSegmentInterval} is a good choice
 */
public record RocksDBWindowBytesStoreSupplier(
    String name,
    long retentionPeriod,
    long windowSize,
    boolean retainDuplicates,
    long segmentIntervalMs)
    implements WindowBytesStoreSupplier {

  /**
   * @throws IllegalArgumentException if {@code segmentIntervalMs} is not positive
   */
  public RocksDBWindowBytesStoreSupplier {
    if (segmentIntervalMs <= 0) {
      throw new IllegalArgumentException(
          "segment interval of store " + name + " must be positive but was " + segmentIntervalMs);
    }
  }

  /**
   * Half the retention, but at least one minute: about three live segments, so expiry frees a third
   * of the data at a time, without a flood of tiny RocksDB instances for short retentions.
   *
   * @param retentionPeriod milliseconds
   * @return milliseconds
   */
  public static long defaultSegmentInterval(long retentionPeriod) {
    return Math.max(retentionPeriod / 2, 60_000L);
  }

  @Override
  public WindowStore<Bytes, byte[]> get() {
    return new RocksDBWindowStore(
        name, metricsScope(), retentionPeriod, windowSize, retainDuplicates, segmentIntervalMs);
  }

  @Override
  public String metricsScope() {
    return "rocksdb-window";
  }
}
