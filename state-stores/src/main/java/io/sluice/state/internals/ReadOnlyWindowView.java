package io.sluice.state.internals;

import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.ReadOnlyWindowStore;
import io.sluice.state.WindowStoreIterator;
import java.util.Objects;

/** Passes only the read operations of a window store through. */
final class ReadOnlyWindowView<K, V> implements ReadOnlyWindowStore<K, V> {

  private final ReadOnlyWindowStore<K, V> store;

  ReadOnlyWindowView(ReadOnlyWindowStore<K, V> store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public V fetch(K key, long windowStartMs) {
    return store.fetch(key, windowStartMs);
  }

  @Override
  public WindowStoreIterator<V> fetch(K key, long timeFromMs, long timeToMs) {
    return store.fetch(key, timeFromMs, timeToMs);
  }

  @Override
  public WindowStoreIterator<V> backwardFetch(K key, long timeFromMs, long timeToMs) {
    return store.backwardFetch(key, timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetch(
      K keyFrom, K keyTo, long timeFromMs, long timeToMs) {
    return store.fetch(keyFrom, keyTo, timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetch(
      K keyFrom, K keyTo, long timeFromMs, long timeToMs) {
    return store.backwardFetch(keyFrom, keyTo, timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFromMs, long timeToMs) {
    return store.fetchAll(timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFromMs, long timeToMs) {
    return store.backwardFetchAll(timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> all() {
    return store.all();
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardAll() {
    return store.backwardAll();
  }
}
