package io.sluice.state;

/**
 * A key and a value: the element of store iterators and the result of DSL key-changing mappers.
 *
 * @param key the key; may be {@code null} where the consumer of the pair allows it
 * @param value the value; may be {@code null} (a tombstone where tables are concerned)
 * @param <K> key type
 * @param <V> value type
 */
public record KeyValue<K, V>(K key, V value) {

  /** Shorthand for {@code new KeyValue<>(key, value)}. */
  public static <K, V> KeyValue<K, V> pair(K key, V value) {
    return new KeyValue<>(key, value);
  }
}
