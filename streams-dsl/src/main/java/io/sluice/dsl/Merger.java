package io.sluice.dsl;

/**
 * Combines the aggregates of two sessions of one key that a new record joined into one session.
 *
 * @param <K> key type
 * @param <V> aggregate type
 */
@FunctionalInterface
public interface Merger<K, V> {
  /**
   * @param aggKey the key of both sessions
   * @param aggOne the aggregate of one session
   * @param aggTwo the aggregate of the other session
   * @return the aggregate of the merged session
   */
  V apply(K aggKey, V aggOne, V aggTwo);
}
