package io.sluice.dsl;

/**
 * Combines a key's current aggregate with one value of the same type: the adder (and, for a
 * grouped table, the subtractor) of {@code reduce}.
 *
 * @param <V> value and aggregate type
 */
@FunctionalInterface
public interface Reducer<V> {
  /**
   * @param aggregate the current aggregate, never {@code null}
   * @param value the value to add or remove, never {@code null}
   * @return the new aggregate; {@code null} deletes the key's aggregate (a tombstone downstream)
   */
  V apply(V aggregate, V value);
}
