package io.sluice.state;

/**
 * A window store: values per key and window start, kept for a retention period measured in stream
 * time (the largest window start the store has seen). See {@link ReadOnlyWindowStore} for ordering
 * and bounds.
 *
 * <p>A store that retains duplicates (for stream-stream joins) keeps every put, even several for
 * the same key and window, and ignores {@code null} values; otherwise a put replaces the value of
 * its key and window and a {@code null} value deletes it.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface WindowStore<K, V> extends StateStore, ReadOnlyWindowStore<K, V> {

  /**
   * Stores {@code value} for {@code key} in the window starting at {@code windowStartMs}. A put for
   * a window already past retention is dropped and counted in the store's metrics.
   *
   * @param value the value; {@code null} deletes (or is ignored, when retaining duplicates)
   * @param windowStartMs the window start, epoch milliseconds, {@code >= 0}
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalArgumentException if {@code windowStartMs} is negative
   * @throws StateStoreException if the store is closed
   */
  void put(K key, V value, long windowStartMs);
}
