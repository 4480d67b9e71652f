package io.sluice.runtime.internals.query;

import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.ReadOnlyWindowStore;
import io.sluice.state.WindowStoreIterator;

/**
 * A timestamped window store read as a plain one: values without their timestamps. Open for
 * extension so writable facades (the test driver's) share these reads.
 */
public class PlainValueWindowStore<K, V> implements ReadOnlyWindowStore<K, V> {
  private final ReadOnlyWindowStore<K, ValueAndTimestamp<V>> inner;

  /** @param inner the timestamped store */
  public PlainValueWindowStore(ReadOnlyWindowStore<K, ValueAndTimestamp<V>> inner) {
    this.inner = inner;
  }

  /** The value without its timestamp; {@code null} stays {@code null}. */
  protected static <V> V plain(ValueAndTimestamp<V> value) {
    return ValueAndTimestamp.getValueOrNull(value);
  }

  private KeyValueIterator<Windowed<K>, V> map(
      KeyValueIterator<Windowed<K>, ValueAndTimestamp<V>> it) {
    return new ValueMappingIterator<>(it, PlainValueWindowStore::plain);
  }

  @Override
  public V fetch(K key, long windowStartMs) {
    return plain(inner.fetch(key, windowStartMs));
  }

  @Override
  public WindowStoreIterator<V> fetch(K key, long timeFromMs, long timeToMs) {
    return new ValueMappingIterator.Window<>(inner.fetch(key, timeFromMs, timeToMs),
        PlainValueWindowStore::plain);
  }

  @Override
  public WindowStoreIterator<V> backwardFetch(K key, long timeFromMs, long timeToMs) {
    return new ValueMappingIterator.Window<>(inner.backwardFetch(key, timeFromMs, timeToMs),
        PlainValueWindowStore::plain);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFromMs,
      long timeToMs) {
    return map(inner.fetch(keyFrom, keyTo, timeFromMs, timeToMs));
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFromMs,
      long timeToMs) {
    return map(inner.backwardFetch(keyFrom, keyTo, timeFromMs, timeToMs));
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFromMs, long timeToMs) {
    return map(inner.fetchAll(timeFromMs, timeToMs));
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFromMs, long timeToMs) {
    return map(inner.backwardFetchAll(timeFromMs, timeToMs));
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> all() {
    return map(inner.all());
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardAll() {
    return map(inner.backwardAll());
  }
}
