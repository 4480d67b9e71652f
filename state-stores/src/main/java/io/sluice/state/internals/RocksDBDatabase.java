package io.sluice.state.internals;

import io.sluice.state.RocksDBConfigSetter;
import io.sluice.state.StateStoreException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * One open RocksDB instance of a store (or of one segment of it), with Sluice's options: the shared
 * {@link RocksDBMemory} bound, the default bytewise comparator (unsigned lexicographic key order,
 * as every store promises), bloom filters, LZ4, and the write-ahead log off — the changelog is the
 * log, and a crash is recovered by restoring from it. Every {@link RocksDBException} becomes a
 * {@link StateStoreException} naming the store, the operation and the directory.
 *
 * <p>Interactive queries read from other threads, so every native call runs under a read lock and
 * {@link #close(Runnable)} takes the write lock: a read racing a close fails cleanly with a {@link
 * StateStoreException} instead of touching a freed native handle.
 */
final class RocksDBDatabase implements AutoCloseable {

  private final String storeName;
  private final String displayName;
  private final File dir;
  private final RocksDBMemory.Lease memory;
  private final Options options;
  private final BloomFilter filter;
  private final RocksDBConfigSetter configSetter;
  private final WriteOptions writeOptions;
  private final FlushOptions flushOptions;
  private final RocksDB db;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean open;

  private RocksDBDatabase(
      String storeName,
      String displayName,
      File dir,
      RocksDBMemory.Lease memory,
      Options options,
      BloomFilter filter,
      RocksDBConfigSetter configSetter,
      RocksDB db) {
    this.storeName = storeName;
    this.displayName = displayName;
    this.dir = dir;
    this.memory = memory;
    this.options = options;
    this.filter = filter;
    this.configSetter = configSetter;
    this.writeOptions = new WriteOptions().setDisableWAL(true);
    this.flushOptions = new FlushOptions().setWaitForFlush(true);
    this.db = db;
    this.open = true;
  }

  /**
   * Opens (creating if needed) the instance in {@code dir}.
   *
   * @param storeName the store name, passed to the config setter
   * @param displayName how errors name this instance (the store, or the store and segment)
   * @param configs the application configuration ({@value RocksDBMemory#CONFIG}, {@value
   *     RocksDBConfigSetter#CONFIG})
   * @throws StateStoreException if the directory or the instance cannot be opened
   */
  static RocksDBDatabase open(
      String storeName, String displayName, File dir, Map<String, Object> configs) {
    try {
      Files.createDirectories(dir.toPath());
    } catch (IOException e) {
      throw new StateStoreException(
          "store " + displayName + ": cannot create directory " + dir + ": " + e.getMessage(), e);
    }
    RocksDBMemory.Lease memory = RocksDBMemory.acquire(configs, displayName);
    BloomFilter filter = new BloomFilter(10, false);
    Options options = options(memory, filter);
    RocksDBConfigSetter setter = null;
    try {
      setter = ConfigSetters.create(configs, storeName);
      if (setter != null) {
        setter.setConfig(storeName, options, configs);
      }
      RocksDB db = RocksDB.open(options, dir.getAbsolutePath());
      return new RocksDBDatabase(storeName, displayName, dir, memory, options, filter, setter, db);
    } catch (RocksDBException | RuntimeException e) {
      if (setter != null) {
        setter.close(storeName, options);
      }
      options.close();
      filter.close();
      memory.close();
      if (e instanceof StateStoreException sse) {
        throw sse;
      }
      throw new StateStoreException(
          "store "
              + displayName
              + ": cannot open RocksDB in "
              + dir
              + ": "
              + e.getMessage()
              + " (another process may hold it, or the files may be damaged)",
          e);
    }
  }

  /**
   * Sluice's default options on the shared memory of {@code memory}, with {@code filter} as the
   * bloom filter (the caller closes it after the options).
   */
  static Options options(RocksDBMemory.Lease memory, BloomFilter filter) {
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(memory.cache())
            .setCacheIndexAndFilterBlocks(true)
            .setCacheIndexAndFilterBlocksWithHighPriority(true)
            .setPinL0FilterAndIndexBlocksInCache(true)
            .setFilterPolicy(filter)
            .setBlockSize(16 * 1024);
    return new Options()
        .setCreateIfMissing(true)
        .setWriteBufferManager(memory.writeBufferManager())
        .setTableFormatConfig(table)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setWriteBufferSize(16L * 1024 * 1024)
        .setMaxWriteBufferNumber(3)
        .setIncreaseParallelism(2);
  }

  /** The memory lease (exposed so tests can check the wiring). */
  RocksDBMemory.Lease memory() {
    return memory;
  }

  /** The options this instance was opened with. */
  Options options() {
    return options;
  }

  File dir() {
    return dir;
  }

  boolean isOpen() {
    return open;
  }

  /** An operation on the instance that may fail in RocksDB. */
  @FunctionalInterface
  interface RocksCall<T> {
    T run() throws RocksDBException;
  }

  /**
   * Runs {@code call} while the instance is guaranteed to stay open (under the read lock that
   * {@link #close} takes exclusively), translating RocksDB failures.
   *
   * @throws StateStoreException naming the store if it is closed or RocksDB fails
   */
  <T> T guarded(String operation, RocksCall<T> call) {
    lock.readLock().lock();
    try {
      if (!open) {
        throw new StateStoreException(
            "store " + displayName + " is closed; " + operation + " cannot run on it any more");
      }
      return call.run();
    } catch (RocksDBException e) {
      throw failure(operation, e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs {@code action} under the read lock, whether or not the instance is open. */
  void locked(Runnable action) {
    lock.readLock().lock();
    try {
      action.run();
    } finally {
      lock.readLock().unlock();
    }
  }

  byte[] get(byte[] key) {
    return guarded("get", () -> db.get(key));
  }

  /** Writes {@code value}, or deletes the key if it is {@code null}. */
  void put(byte[] key, byte[] value) {
    guarded(
        value == null ? "delete" : "put",
        () -> {
          if (value == null) {
            db.delete(writeOptions, key);
          } else {
            db.put(writeOptions, key, value);
          }
          return null;
        });
  }

  /** Applies {@code batch} atomically; the caller closes it. */
  void write(WriteBatch batch, String operation) {
    guarded(
        operation,
        () -> {
          db.write(writeOptions, batch);
          return null;
        });
  }

  /**
   * A new native iterator. Call it inside {@link #guarded} and register the iterator there, so that
   * {@link #close(Runnable)} closes it before the instance.
   */
  RocksIterator newIterator() {
    return db.newIterator();
  }

  /** RocksDB's estimate of the number of keys. */
  long estimateNumKeys() {
    return guarded("approximateNumEntries", () -> db.getLongProperty("rocksdb.estimate-num-keys"));
  }

  /** Flushes the memtables to files (there is no write-ahead log to sync). */
  void flush() {
    guarded(
        "flush",
        () -> {
          db.flush(flushOptions);
          return null;
        });
  }

  /** Closes the instance and everything it holds; the caller closes iterators first. */
  @Override
  public void close() {
    close(() -> {});
  }

  /**
   * Runs {@code beforeClose} (closing the iterators still open), then closes the instance, all
   * while no other thread is inside {@link #guarded} or {@link #locked}. Idempotent.
   */
  void close(Runnable beforeClose) {
    lock.writeLock().lock();
    try {
      if (!open) {
        return;
      }
      beforeClose.run();
      open = false;
      db.close();
    } finally {
      lock.writeLock().unlock();
    }
    if (configSetter != null) {
      configSetter.close(storeName, options);
    }
    writeOptions.close();
    flushOptions.close();
    options.close();
    filter.close();
    memory.close();
  }

  StateStoreException failure(String operation, RocksDBException e) {
    return new StateStoreException(
        "store "
            + displayName
            + ": "
            + operation
            + " failed in RocksDB ("
            + dir
            + "): "
            + e.getMessage(),
        e);
  }
}
