package io.sluice.state.internals;

import io.sluice.state.KeyValueBytesStoreSupplier;
import io.sluice.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * Supplies in-memory key-value byte stores.
 *
 * @param name the store name, already validated
 */
public record InMemoryKeyValueBytesStoreSupplier(String name)
    implements KeyValueBytesStoreSupplier {

  @Override
  public KeyValueStore<Bytes, byte[]> get() {
    return new InMemoryKeyValueStore(name);
  }

  @Override
  public String metricsScope() {
    return "in-memory";
  }
}
