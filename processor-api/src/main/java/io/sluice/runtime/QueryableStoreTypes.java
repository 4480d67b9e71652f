package io.sluice.runtime;

import io.sluice.runtime.internals.query.CompositeKeyValueView;
import io.sluice.runtime.internals.query.CompositeSessionView;
import io.sluice.runtime.internals.query.CompositeWindowView;
import io.sluice.runtime.internals.query.PlainValueKeyValueStore;
import io.sluice.runtime.internals.query.PlainValueWindowStore;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.ReadOnlyKeyValueStore;
import io.sluice.state.ReadOnlySessionStore;
import io.sluice.state.ReadOnlyWindowStore;
import io.sluice.state.StateStore;
import io.sluice.state.TimestampedKeyValueStore;
import io.sluice.state.TimestampedWindowStore;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The store types interactive queries read: plain key-value, window and session views (a
 * timestamped store read through a plain view yields values without timestamps), and the
 * timestamped views, which yield {@link ValueAndTimestamp}. Key and value types are not checked
 * against the store: asking with the wrong types fails with a {@link ClassCastException} when a
 * value is used.
 */
public final class QueryableStoreTypes {
  private QueryableStoreTypes() {}

  /** Key-value stores (plain or timestamped), read as plain values. */
  public static <K, V> QueryableStoreType<ReadOnlyKeyValueStore<K, V>> keyValueStore() {
    return new Type<>(s -> s instanceof ReadOnlyKeyValueStore<?, ?>,
        (name, stores) -> new CompositeKeyValueView<K, V>(name,
            () -> map(stores, QueryableStoreTypes::plainKeyValue)));
  }

  /** Timestamped key-value stores, read with each value's timestamp. */
  public static <K, V> QueryableStoreType<ReadOnlyKeyValueStore<K, ValueAndTimestamp<V>>>
      timestampedKeyValueStore() {
    return new Type<>(s -> s instanceof TimestampedKeyValueStore<?, ?>,
        (name, stores) -> new CompositeKeyValueView<K, ValueAndTimestamp<V>>(name,
            () -> map(stores, QueryableStoreTypes::<K, ValueAndTimestamp<V>>keyValue)));
  }

  /** Window stores (plain or timestamped), read as plain values. */
  public static <K, V> QueryableStoreType<ReadOnlyWindowStore<K, V>> windowStore() {
    return new Type<>(s -> s instanceof ReadOnlyWindowStore<?, ?>,
        (name, stores) -> new CompositeWindowView<K, V>(name,
            () -> map(stores, QueryableStoreTypes::plainWindow)));
  }

  /** Timestamped window stores, read with each value's timestamp. */
  public static <K, V> QueryableStoreType<ReadOnlyWindowStore<K, ValueAndTimestamp<V>>>
      timestampedWindowStore() {
    return new Type<>(s -> s instanceof TimestampedWindowStore<?, ?>,
        (name, stores) -> new CompositeWindowView<K, ValueAndTimestamp<V>>(name,
            () -> map(stores, QueryableStoreTypes::<K, ValueAndTimestamp<V>>window)));
  }

  /** Session stores. */
  public static <K, V> QueryableStoreType<ReadOnlySessionStore<K, V>> sessionStore() {
    return new Type<>(s -> s instanceof ReadOnlySessionStore<?, ?>,
        (name, stores) -> new CompositeSessionView<K, V>(name,
            () -> map(stores, QueryableStoreTypes::<K, V>session)));
  }

  private static <S> List<S> map(Supplier<List<StateStore>> stores,
      Function<StateStore, S> view) {
    return stores.get().stream().map(view).toList();
  }

  // The casts below are unchecked by nature: a store's key and value types are erased at
  // runtime; the caller chose K and V for the store name (see the class comment).
  @SuppressWarnings("unchecked") // erased store types, see above
  private static <K, V> ReadOnlyKeyValueStore<K, V> keyValue(StateStore store) {
    return (ReadOnlyKeyValueStore<K, V>) store;
  }

  private static <K, V> ReadOnlyKeyValueStore<K, V> plainKeyValue(StateStore store) {
    if (store instanceof TimestampedKeyValueStore<?, ?>) {
      return new PlainValueKeyValueStore<K, V>(keyValue(store));
    }
    return keyValue(store);
  }

  @SuppressWarnings("unchecked") // erased store types, see above
  private static <K, V> ReadOnlyWindowStore<K, V> window(StateStore store) {
    return (ReadOnlyWindowStore<K, V>) store;
  }

  private static <K, V> ReadOnlyWindowStore<K, V> plainWindow(StateStore store) {
    if (store instanceof TimestampedWindowStore<?, ?>) {
      return new PlainValueWindowStore<K, V>(window(store));
    }
    return window(store);
  }

  @SuppressWarnings("unchecked") // erased store types, see above
  private static <K, V> ReadOnlySessionStore<K, V> session(StateStore store) {
    return (ReadOnlySessionStore<K, V>) store;
  }

  /** A store type from its acceptance test and view factory. */
  private record Type<T>(Predicate<StateStore> test,
      java.util.function.BiFunction<String, Supplier<List<StateStore>>, T> factory)
      implements QueryableStoreType<T> {
    @Override
    public boolean accepts(StateStore store) {
      return test.test(store);
    }

    @Override
    public T create(String storeName, Supplier<List<StateStore>> stores) {
      return factory.apply(storeName, stores);
    }
  }
}
