package io.sluice.dsl.internals;

import io.sluice.dsl.GlobalKTable;
import io.sluice.processor.ProcessorContext;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.TimestampedKeyValueStore;

/**
 * A global table: the name of its global store, which stream-global-table joins read in any task
 * without being connected to it.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class GlobalKTableImpl<K, V> implements GlobalKTable<K, V> {
  private final InternalStreamsBuilder builder;
  private final String storeName;

  GlobalKTableImpl(InternalStreamsBuilder builder, String storeName) {
    this.builder = builder;
    this.storeName = storeName;
  }

  /** @return the builder the table was declared on */
  InternalStreamsBuilder builder() {
    return builder;
  }

  @Override
  public String queryableStoreName() {
    return storeName;
  }

  /** @return getters reading the global store */
  KTableValueGetterSupplier<K, V> valueGetterSupplier() {
    return new KTableValueGetterSupplier<>() {
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
    };
  }

  @Override
  public String toString() {
    return "GlobalKTable(" + storeName + ")";
  }
}
