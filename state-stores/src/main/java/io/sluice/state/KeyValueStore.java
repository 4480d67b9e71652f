package io.sluice.state;

import java.util.List;

/**
 * A key-value store: a map from keys to values, ordered by serialized key bytes (see {@link
 * ReadOnlyKeyValueStore}). Writing a {@code null} value deletes the key.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface KeyValueStore<K, V> extends StateStore, ReadOnlyKeyValueStore<K, V> {

  /**
   * Stores {@code value} under {@code key}, replacing any previous value.
   *
   * @param value the value, or {@code null} to delete the key
   * @throws NullPointerException if {@code key} is null
   * @throws StateStoreException if the store is closed
   */
  void put(K key, V value);

  /**
   * Stores {@code value} under {@code key} only if the key has no value yet.
   *
   * @return the value already stored (and then left unchanged), or {@code null} if the put happened
   */
  V putIfAbsent(K key, V value);

  /** Puts every entry, in list order (a later entry for the same key wins). */
  void putAll(List<KeyValue<K, V>> entries);

  /**
   * Removes {@code key}.
   *
   * @return the value removed, or {@code null} if there was none
   */
  V delete(K key);
}
