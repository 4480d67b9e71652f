package io.sluice.state;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Read operations of a key-value store: what interactive queries and read-only views offer.
 *
 * <p>Keys are ordered by their serialized bytes, compared as unsigned bytes lexicographically (a
 * key that is a prefix of another comes first), not by the natural order of {@code K}. Range bounds
 * are inclusive; a {@code null} bound means unbounded on that side; a range whose lower bound sorts
 * after its upper bound is empty. Keys may not be {@code null}.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface ReadOnlyKeyValueStore<K, V> {

  /**
   * The value stored under {@code key}.
   *
   * @return the value, or {@code null} if there is none
   * @throws NullPointerException if {@code key} is null
   * @throws StateStoreException if the store is closed
   */
  V get(K key);

  /**
   * The entries with keys in {@code [from, to]}, in ascending key order.
   *
   * @param from lowest key, inclusive; {@code null} for no lower bound
   * @param to highest key, inclusive; {@code null} for no upper bound
   * @throws StateStoreException if the store is closed
   */
  KeyValueIterator<K, V> range(K from, K to);

  /** Like {@link #range(Object, Object)}, in descending key order. */
  KeyValueIterator<K, V> reverseRange(K from, K to);

  /** Every entry, in ascending key order. */
  KeyValueIterator<K, V> all();

  /** Every entry, in descending key order. */
  KeyValueIterator<K, V> reverseAll();

  /**
   * The entries whose serialized key starts with the serialized {@code prefix}, in ascending key
   * order. An empty serialized prefix matches every key.
   *
   * @param prefix the prefix, which may be of another type than the keys
   * @param prefixKeySerializer serializes {@code prefix} the way keys are serialized
   * @param <P> prefix type
   * @throws NullPointerException if either argument is null
   * @throws StateStoreException if the store is closed
   */
  <P> KeyValueIterator<K, V> prefixScan(P prefix, Serializer<P> prefixKeySerializer);

  /** The number of entries, possibly approximate (exact for in-memory stores). */
  long approximateNumEntries();
}
