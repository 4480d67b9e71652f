package io.sluice.dsl;

/**
 * A side effect run for each record by {@link KStream#foreach} and {@link KStream#peek}.
 *
 * @param <K> key type
 * @param <V> value type
 */
@FunctionalInterface
public interface ForeachAction<K, V> {
  /**
   * @param key the record's key, may be {@code null}
   * @param value the record's value, may be {@code null}
   */
  void apply(K key, V value);
}
