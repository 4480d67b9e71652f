package io.sluice.dsl;

/**
 * Computes a new value from a record's value alone; the key is left unchanged.
 *
 * @param <V> value type
 * @param <VR> result type
 */
@FunctionalInterface
public interface ValueMapper<V, VR> {
  /**
   * @param value the record's value, may be {@code null}
   * @return the new value, may be {@code null}
   */
  VR apply(V value);
}
