package io.sluice.dsl.differential;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;

/**
 * The settings matrix stateful scenarios run in, on both sides: store type (Sluice's
 * {@code default.dsl.store}; Kafka Streams' {@code dsl.store.suppliers.class}) times caching ({@code statestore.cache.max.bytes} 0 or
 * 10 MiB). Both test drivers commit, and so flush caches, after every piped record.
 *
 * @param inMemory whether DSL stores are in-memory (else RocksDB)
 * @param caching whether the record cache has 10 MiB (else 0 bytes)
 */
record StoreMatrix(boolean inMemory, boolean caching) {
  /** The four cells. */
  static final List<StoreMatrix> ALL = List.of(new StoreMatrix(false, false),
      new StoreMatrix(false, true), new StoreMatrix(true, false), new StoreMatrix(true, true));

  private static final long CACHE_BYTES = 10L * 1024 * 1024;

  /** @return the settings for Kafka Streams' builder and driver */
  Map<String, Object> kafkaSettings() {
    // dsl.store.suppliers.class replaces the deprecated default.dsl.store on Kafka Streams' side
    return Map.of(
        org.apache.kafka.streams.StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
        inMemory ? BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class
            : BuiltInDslStoreSuppliers.RocksDBDslStoreSuppliers.class,
        org.apache.kafka.streams.StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG,
        caching ? CACHE_BYTES : 0L);
  }

  /** @return the settings for Sluice's builder and driver */
  Map<String, Object> sluiceSettings() {
    return Map.of(
        io.sluice.runtime.StreamsConfig.DEFAULT_DSL_STORE,
        inMemory ? io.sluice.runtime.StreamsConfig.IN_MEMORY
            : io.sluice.runtime.StreamsConfig.ROCKS_DB,
        io.sluice.runtime.StreamsConfig.STATESTORE_CACHE_MAX_BYTES, caching ? CACHE_BYTES : 0L);
  }

  @Override
  public String toString() {
    return (inMemory ? "in_memory" : "rocksDB") + (caching ? "+cache" : "+no-cache");
  }
}
