package io.sluice.state.internals;

/**
 * A store layer that can report the updates its caching layer flushes.
 *
 * @param <K> key type of the updates
 * @param <V> value type of the updates
 */
public interface CachedStateStore<K, V> {

  /**
   * Registers the listener of flushed updates, replacing any earlier one.
   *
   * @param sendOldValues whether updates carry the value the store held before
   * @return whether the store caches: if {@code false}, nothing is ever reported and the caller
   *     must forward updates itself as it writes them
   */
  boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues);
}
