package io.sluice.bench;

import io.sluice.state.StateRestoreCallback;
import io.sluice.state.StateStore;
import io.sluice.state.TaskId;
import io.sluice.state.internals.InternalStoreContext;
import io.sluice.state.internals.ProcessorRecordContext;
import io.sluice.state.internals.ThreadCache;
import java.io.File;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * A store context whose changelog goes nowhere, so a benchmark through the store layers measures
 * the layers and RocksDB, not a producer. It may carry a real record cache, for caching layers.
 */
final class NoOpStoreContext implements InternalStoreContext {

  private final File stateDir;
  private final Metrics metrics = new Metrics();
  private ProcessorRecordContext recordContext =
      new ProcessorRecordContext(0L, 0L, 0, "input", new RecordHeaders());

  private final ThreadCache cache;

  /** A context without a record cache: caching layers pass everything through. */
  NoOpStoreContext(File stateDir) {
    this(stateDir, 0L);
  }

  /**
   * @param cacheMaxBytes bytes of the record cache caching layers use; 0 for none
   */
  NoOpStoreContext(File stateDir, long cacheMaxBytes) {
    this.stateDir = stateDir;
    this.cache = cacheMaxBytes > 0 ? new ThreadCache(cacheMaxBytes, metrics, "bench") : null;
  }

  @Override
  public ThreadCache cache() {
    return cache;
  }

  @Override
  public ProcessorRecordContext recordContext() {
    return recordContext;
  }

  @Override
  public void setRecordContext(ProcessorRecordContext context) {
    this.recordContext = context;
  }

  private long changelogRecords;

  @Override
  public void logChange(String storeName, Bytes key, byte[] value, long timestamp) {
    changelogRecords++; // only counted: the producer is not what is measured
  }

  /** Changelog records written since the last call, which resets the count. */
  long takeChangelogRecords() {
    long records = changelogRecords;
    changelogRecords = 0;
    return records;
  }

  @Override
  public Serde<?> defaultKeySerde() {
    return Serdes.ByteArray();
  }

  @Override
  public Serde<?> defaultValueSerde() {
    return Serdes.ByteArray();
  }

  @Override
  public String applicationId() {
    return "bench";
  }

  @Override
  public TaskId taskId() {
    return new TaskId(0, 0);
  }

  @Override
  public File stateDir() {
    return stateDir;
  }

  @Override
  public Map<String, Object> appConfigs() {
    return Map.of();
  }

  @Override
  public Metrics metrics() {
    return metrics;
  }

  @Override
  public void register(StateStore store, StateRestoreCallback callback) {
    // Nothing to restore in a benchmark.
  }

  @Override
  public long currentStreamTimeMs() {
    return 0L;
  }

  /** Closes the record cache, if any, and the metrics registry. */
  void close() {
    if (cache != null) {
      cache.close();
    }
    metrics.close();
  }
}
