package io.sluice.state.internals;

import io.sluice.state.SessionBytesStoreSupplier;
import io.sluice.state.SessionStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * Supplies in-memory session byte stores, which expire entry by entry (segment interval 1 ms).
 *
 * @param name the store name, already validated
 * @param retentionPeriod milliseconds, already validated
 */
public record InMemorySessionBytesStoreSupplier(String name, long retentionPeriod)
    implements SessionBytesStoreSupplier {

  @Override
  public SessionStore<Bytes, byte[]> get() {
    return new InMemorySessionStore(name, metricsScope(), retentionPeriod);
  }

  @Override
  public String metricsScope() {
    return "in-memory-session";
  }

  @Override
  public long segmentIntervalMs() {
    return 1;
  }
}
