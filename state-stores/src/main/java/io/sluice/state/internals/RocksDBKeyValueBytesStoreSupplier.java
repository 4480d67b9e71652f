package io.sluice.state.internals;

import io.sluice.state.KeyValueBytesStoreSupplier;
import io.sluice.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * Supplies RocksDB key-value byte stores (for plain and timestamped key-value stores alike: the
 * timestamp travels inside the serialized value).
 *
 * @param name the store name, already validated
 */
public record RocksDBKeyValueBytesStoreSupplier(String name) implements KeyValueBytesStoreSupplier {

  @Override
  public KeyValueStore<Bytes, byte[]> get() {
    return new RocksDBKeyValueStore(name);
  }

  @Override
  public String metricsScope() {
    return "rocksdb";
  }
}
