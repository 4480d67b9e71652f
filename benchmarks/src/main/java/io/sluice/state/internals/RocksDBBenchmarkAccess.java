package io.sluice.state.internals;

import java.util.Map;
import org.rocksdb.BloomFilter;
import org.rocksdb.Options;

/**
 * Gives the benchmarks the exact RocksDB options the stores use, so the raw-RocksDB baseline is
 * configured like the stores. Lives in the stores' package (in the benchmarks jar only) because
 * those options are internal.
 */
public final class RocksDBBenchmarkAccess implements AutoCloseable {

  private final RocksDBMemory.Lease memory;
  private final BloomFilter filter;
  private final Options options;

  /** Sluice's options on the shared memory bound configured in {@code configs}. */
  public RocksDBBenchmarkAccess(Map<String, Object> configs) {
    memory = RocksDBMemory.acquire(configs, "benchmark"); // loads the native library
    filter = new BloomFilter(10, false);
    options = RocksDBDatabase.options(memory, filter);
  }

  /** The options; valid until {@link #close()}. */
  public Options options() {
    return options;
  }

  /** Write options as the stores use them: the write-ahead log off. */
  public static org.rocksdb.WriteOptions writeOptions() {
    return new org.rocksdb.WriteOptions().setDisableWAL(true);
  }

  /** Closes the options and releases the memory bound. */
  @Override
  public void close() {
    options.close();
    filter.close();
    memory.close();
  }
}
