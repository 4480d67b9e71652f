package io.sluice.state.internals;

/**
 * The names and defaults of the store settings that the stores read from {@code appConfigs()},
 * for the application's configuration definitions to use, so both agree by construction.
 */
public final class StoreSettings {

  /** The process-wide RocksDB memory bound setting, in bytes. */
  public static final String ROCKSDB_MEMORY_MAX_BYTES = RocksDBMemory.CONFIG;

  /** The RocksDB memory bound the stores use when the setting is absent: 64 MiB. */
  public static final long ROCKSDB_MEMORY_MAX_BYTES_DEFAULT = RocksDBMemory.DEFAULT_MAX_BYTES;

  private StoreSettings() {}
}
