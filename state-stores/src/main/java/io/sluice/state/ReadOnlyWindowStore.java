package io.sluice.state;

import io.sluice.serdes.Windowed;

/**
 * Read operations of a window store, which keeps values per key and fixed-size time window.
 *
 * <p>Times are epoch milliseconds and refer to window <em>starts</em>; time bounds are inclusive
 * and a range with {@code timeFrom > timeTo} is empty. Key bounds follow {@link
 * ReadOnlyKeyValueStore}: serialized, unsigned byte order, inclusive, {@code null} = unbounded.
 * Forward iterators return entries by window start, then key bytes, then insertion order (for
 * stores that retain duplicates); backward iterators return the exact reverse. Windows older than
 * the store's retention are not returned. The windows returned by {@link Windowed} keys are {@code
 * [start, start + windowSize)}.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface ReadOnlyWindowStore<K, V> {

  /**
   * The value of {@code key} in the window starting at {@code windowStartMs}.
   *
   * @return the value (the earliest one where duplicates are retained), or {@code null}
   * @throws NullPointerException if {@code key} is null
   * @throws StateStoreException if the store is closed
   */
  V fetch(K key, long windowStartMs);

  /**
   * The windows of {@code key} starting in {@code [timeFromMs, timeToMs]}, oldest first.
   *
   * @throws NullPointerException if {@code key} is null
   */
  WindowStoreIterator<V> fetch(K key, long timeFromMs, long timeToMs);

  /** Like {@link #fetch(Object, long, long)}, newest first. */
  WindowStoreIterator<V> backwardFetch(K key, long timeFromMs, long timeToMs);

  /** The windows of keys in {@code [keyFrom, keyTo]} starting in {@code [timeFromMs, timeToMs]}. */
  KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFromMs, long timeToMs);

  /** Like {@link #fetch(Object, Object, long, long)}, in reverse order. */
  KeyValueIterator<Windowed<K>, V> backwardFetch(
      K keyFrom, K keyTo, long timeFromMs, long timeToMs);

  /** The windows of every key starting in {@code [timeFromMs, timeToMs]}. */
  KeyValueIterator<Windowed<K>, V> fetchAll(long timeFromMs, long timeToMs);

  /** Like {@link #fetchAll(long, long)}, in reverse order. */
  KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFromMs, long timeToMs);

  /** Every window still retained. */
  KeyValueIterator<Windowed<K>, V> all();

  /** Every window still retained, in reverse order. */
  KeyValueIterator<Windowed<K>, V> backwardAll();
}
