package io.sluice.runtime.internals.query;

import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.ReadOnlyWindowStore;
import io.sluice.state.WindowStoreIterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One window store across every local task holding it: single-key reads answer from the first
 * copy that has the key's windows, multi-key reads concatenate the copies' results.
 */
public final class CompositeWindowView<K, V> implements ReadOnlyWindowStore<K, V> {
  private final StoreGuard<ReadOnlyWindowStore<K, V>> guard;

  /** @param stores the current local copies, fetched for every query */
  public CompositeWindowView(String storeName, Supplier<List<ReadOnlyWindowStore<K, V>>> stores) {
    this.guard = new StoreGuard<>(storeName, stores);
  }

  @Override
  public V fetch(K key, long windowStartMs) {
    Objects.requireNonNull(key, "key");
    return guard.read(() -> {
      for (ReadOnlyWindowStore<K, V> store : guard.stores()) {
        V value = store.fetch(key, windowStartMs);
        if (value != null) {
          return value;
        }
      }
      return null;
    });
  }

  @Override
  public WindowStoreIterator<V> fetch(K key, long timeFromMs, long timeToMs) {
    Objects.requireNonNull(key, "key");
    return firstNonEmpty(s -> s.fetch(key, timeFromMs, timeToMs));
  }

  @Override
  public WindowStoreIterator<V> backwardFetch(K key, long timeFromMs, long timeToMs) {
    Objects.requireNonNull(key, "key");
    return firstNonEmpty(s -> s.backwardFetch(key, timeFromMs, timeToMs));
  }

  private WindowStoreIterator<V> firstNonEmpty(
      Function<ReadOnlyWindowStore<K, V>, WindowStoreIterator<V>> open) {
    return guard.read(() -> {
      List<ReadOnlyWindowStore<K, V>> stores = guard.stores();
      for (ReadOnlyWindowStore<K, V> store : stores) {
        WindowStoreIterator<V> it = open.apply(store);
        if (it.hasNext()) {
          return it;
        }
        it.close();
      }
      return new EmptyWindowIterator<>();
    });
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFromMs,
      long timeToMs) {
    return concat(s -> s.fetch(keyFrom, keyTo, timeFromMs, timeToMs));
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFromMs,
      long timeToMs) {
    return concat(s -> s.backwardFetch(keyFrom, keyTo, timeFromMs, timeToMs));
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFromMs, long timeToMs) {
    return concat(s -> s.fetchAll(timeFromMs, timeToMs));
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFromMs, long timeToMs) {
    return concat(s -> s.backwardFetchAll(timeFromMs, timeToMs));
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> all() {
    return concat(ReadOnlyWindowStore::all);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardAll() {
    return concat(ReadOnlyWindowStore::backwardAll);
  }

  private KeyValueIterator<Windowed<K>, V> concat(
      Function<ReadOnlyWindowStore<K, V>, KeyValueIterator<Windowed<K>, V>> open) {
    return guard.read(() -> new ConcatIterator<>(guard.stores(), open));
  }
}
