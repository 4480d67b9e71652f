package io.sluice.dsl;

/**
 * Computes a new value from a record's key and value; the key is read-only and stays unchanged.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <VR> result type
 */
@FunctionalInterface
public interface ValueMapperWithKey<K, V, VR> {
  /**
   * @param readOnlyKey the record's key, may be {@code null}; changing its state breaks
   *     partitioning
   * @param value the record's value, may be {@code null}
   * @return the new value, may be {@code null}
   */
  VR apply(K readOnlyKey, V value);
}
