package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorContext;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.TimestampedKeyValueStore;

/**
 * Getters that read a materialized table's own store.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class StoreValueGetterSupplier<K, V> implements KTableValueGetterSupplier<K, V> {
  private final String storeName;

  StoreValueGetterSupplier(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public KTableValueGetter<K, V> get() {
    return new KTableValueGetter<>() {
      private TimestampedKeyValueStore<K, V> store;

      @Override
      public void init(ProcessorContext<?, ?> context) {
        store = context.getStateStore(storeName);
      }

      @Override
      public ValueAndTimestamp<V> get(K key) {
        return store.get(key);
      }
    };
  }

  @Override
  public String[] storeNames() {
    return new String[] {storeName};
  }
}
