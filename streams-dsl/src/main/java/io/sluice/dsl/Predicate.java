package io.sluice.dsl;

/**
 * A test on a record's key and value, used by {@link KStream#filter}, {@link KStream#filterNot}
 * and {@link BranchedKStream#branch}.
 *
 * @param <K> key type
 * @param <V> value type
 */
@FunctionalInterface
public interface Predicate<K, V> {
  /**
   * @param key the record's key, may be {@code null}
   * @param value the record's value, may be {@code null}
   * @return whether the record passes; an exception thrown here fails processing of the record
   */
  boolean test(K key, V value);
}
