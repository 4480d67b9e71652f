package io.sluice.dsl;

/**
 * Folds one value into a key's aggregate: the adder (and, for a grouped table, the subtractor) of
 * {@code aggregate}.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <VA> aggregate type
 */
@FunctionalInterface
public interface Aggregator<K, V, VA> {
  /**
   * @param key the grouping key, never {@code null}
   * @param value the value to add or remove, never {@code null}
   * @param aggregate the current aggregate
   * @return the new aggregate; {@code null} deletes the key's aggregate (a tombstone downstream)
   */
  VA apply(K key, V value, VA aggregate);
}
