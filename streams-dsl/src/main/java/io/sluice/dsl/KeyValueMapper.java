package io.sluice.dsl;

/**
 * Computes one result from a record's key and value: a new key ({@link KStream#selectKey}), a new
 * key-value pair ({@link KStream#map}) or a collection of pairs ({@link KStream#flatMap}).
 *
 * @param <K> key type
 * @param <V> value type
 * @param <R> result type
 */
@FunctionalInterface
public interface KeyValueMapper<K, V, R> {
  /**
   * @param key the record's key, may be {@code null}
   * @param value the record's value, may be {@code null}
   * @return the result; operators document whether {@code null} is allowed
   */
  R apply(K key, V value);
}
