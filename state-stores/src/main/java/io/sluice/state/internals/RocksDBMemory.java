package io.sluice.state.internals;

import io.sluice.state.StateStoreException;
import java.util.HashMap;
import java.util.Map;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The one memory bound of every RocksDB instance in the process, set by {@value #CONFIG}.
 *
 * <p>All instances opened with the same bound share one {@link LRUCache} of that capacity: data
 * blocks, index and filter blocks (cached rather than held outside the cache), and — through a
 * {@link WriteBufferManager} that charges memtable memory to the same cache — the write buffers. So
 * the block cache, memtables, indexes and filters of all stores together stay near the bound
 * however many stores and window segments are open. (Iterator-pinned blocks and RocksDB's own small
 * per-instance bookkeeping are outside it; the cache is not strict, so a burst can overshoot
 * briefly rather than fail writes.)
 *
 * <p>Defaults and why:
 *
 * <ul>
 *   <li>{@value #DEFAULT_MAX_BYTES} bytes (64 MiB) in total: small enough for a laptop or a 512 MiB
 *       container running a few stores, large enough for hot index and filter blocks plus a working
 *       set; raise it for large stores.
 *   <li>Write buffers may take up to a quarter of the bound before the manager makes the largest
 *       memtables flush, leaving most of the cache to reads.
 *   <li>10% of the cache is a high-priority pool for index and filter blocks, and level-0 index and
 *       filter blocks are pinned, so point reads do not fault them in from disk under pressure.
 * </ul>
 *
 * <p>Holders are reference counted per bound: the cache and manager are created by the first {@link
 * #acquire} and closed when the last holder {@link Lease#close() closes}.
 */
final class RocksDBMemory {

  /** The setting: bytes of RocksDB memory for the whole process; a positive long. */
  static final String CONFIG = "rocksdb.memory.max.bytes";

  /** 64 MiB. */
  static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  /** Fraction of the cache reserved for index and filter blocks. */
  static final double HIGH_PRIORITY_RATIO = 0.1;

  private static final Map<Long, Shared> SHARED = new HashMap<>();

  static {
    RocksDB.loadLibrary();
  }

  private RocksDBMemory() {}

  /** The cache and write buffer manager of one bound, with the number of holders. */
  private static final class Shared {
    final LRUCache cache;
    final WriteBufferManager writeBuffers;
    int holders;

    Shared(long maxBytes) {
      cache = new LRUCache(maxBytes, -1, false, HIGH_PRIORITY_RATIO);
      writeBuffers = new WriteBufferManager(maxBytes / 4, cache);
    }
  }

  /** One holder's use of the shared cache and write buffer manager. */
  static final class Lease implements AutoCloseable {
    private final long maxBytes;
    private final Shared shared;
    private boolean closed;

    private Lease(long maxBytes, Shared shared) {
      this.maxBytes = maxBytes;
      this.shared = shared;
    }

    /** The shared block cache. */
    Cache cache() {
      return shared.cache;
    }

    /** The shared write buffer manager, charged to {@link #cache()}. */
    WriteBufferManager writeBufferManager() {
      return shared.writeBuffers;
    }

    /** The bound in bytes. */
    long maxBytes() {
      return maxBytes;
    }

    /** Releases this holder; the last one closes the cache and manager. Idempotent. */
    @Override
    public void close() {
      synchronized (SHARED) {
        if (closed) {
          return;
        }
        closed = true;
        if (--shared.holders == 0) {
          SHARED.remove(maxBytes);
          shared.writeBuffers.close();
          shared.cache.close();
        }
      }
    }
  }

  /**
   * Takes a share of the memory bound configured in {@code configs} ({@value #CONFIG}, default
   * {@value #DEFAULT_MAX_BYTES}).
   *
   * @throws StateStoreException naming the setting if its value is not a positive number
   */
  static Lease acquire(Map<String, Object> configs, String storeName) {
    long maxBytes = maxBytes(configs, storeName);
    synchronized (SHARED) {
      Shared shared = SHARED.computeIfAbsent(maxBytes, Shared::new);
      shared.holders++;
      return new Lease(maxBytes, shared);
    }
  }

  static long maxBytes(Map<String, Object> configs, String storeName) {
    Object value = configs == null ? null : configs.get(CONFIG);
    if (value == null) {
      return DEFAULT_MAX_BYTES;
    }
    long bytes;
    try {
      bytes = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      bytes = -1;
    }
    if (bytes <= 0) {
      throw new StateStoreException(
          "store "
              + storeName
              + " cannot open: "
              + CONFIG
              + " must be a positive number of bytes"
              + " but was '"
              + value
              + "'; for example 268435456 for 256 MiB");
    }
    return bytes;
  }
}
