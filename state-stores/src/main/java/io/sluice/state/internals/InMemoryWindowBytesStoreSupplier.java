package io.sluice.state.internals;

import io.sluice.state.WindowBytesStoreSupplier;
import io.sluice.state.WindowStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * Supplies in-memory window byte stores, which expire entry by entry (segment interval 1 ms).
 *
 * @param name the store name, already validated
 * @param retentionPeriod milliseconds, already validated
 * @param windowSize milliseconds, already validated
 * @param retainDuplicates whether every put is kept
 */
public record InMemoryWindowBytesStoreSupplier(
    String name, long retentionPeriod, long windowSize, boolean retainDuplicates)
    implements WindowBytesStoreSupplier {

  @Override
  public WindowStore<Bytes, byte[]> get() {
    return new InMemoryWindowStore(
        name, metricsScope(), retentionPeriod, windowSize, retainDuplicates);
  }

  @Override
  public String metricsScope() {
    return "in-memory-window";
  }

  @Override
  public long segmentIntervalMs() {
    return 1;
  }
}
