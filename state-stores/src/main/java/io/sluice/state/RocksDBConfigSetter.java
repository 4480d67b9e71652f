package io.sluice.state;

import java.util.Map;
import org.rocksdb.Options;

/**
 * Lets experts change the RocksDB options of individual persistent stores. Name an implementation
 * (with a public no-argument constructor) in the {@value #CONFIG} setting; it is instantiated once
 * per RocksDB instance a store opens (a window or session store opens one per time segment).
 *
 * <p>{@link #setConfig} sees the options after Sluice has applied its defaults, including the
 * instance-wide block cache and write buffer manager that bound memory through {@code
 * rocksdb.memory.max.bytes}. Replacing the table format config or the write buffer manager takes
 * the store out of that bound; prefer tuning other options.
 */
public interface RocksDBConfigSetter {

  /** The setting naming the implementation class (a class name or a {@link Class}). */
  String CONFIG = "rocksdb.config.setter";

  /**
   * Adjusts the options before the store's RocksDB instance opens.
   *
   * @param storeName the store name (for a segment, the store's name, not the segment's)
   * @param options the options to change in place
   * @param configs the application's configuration
   */
  void setConfig(String storeName, Options options, Map<String, Object> configs);

  /**
   * Releases whatever {@link #setConfig} created for this instance (caches, filters, ...). Called
   * after the RocksDB instance has closed and before its options are closed.
   *
   * @param storeName the store name
   * @param options the options the instance was opened with
   */
  void close(String storeName, Options options);
}
