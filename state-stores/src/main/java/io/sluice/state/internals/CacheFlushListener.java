package io.sluice.state.internals;

/**
 * Receives the updates a caching store writes to the store below when its cache is flushed
 * (commit) or evicts. While it is called, the store context's record context is that of the write
 * that made the update (its timestamp, headers, topic, partition and offset); the previous context
 * is restored afterwards. The DSL forwards these updates downstream.
 *
 * @param <K> key type
 * @param <V> value type
 */
@FunctionalInterface
public interface CacheFlushListener<K, V> {

  /**
   * One reported update. Both values are {@code null} for a delete or an expiry when old values
   * were not asked for.
   *
   * @param key the key
   * @param newValue the value written, or {@code null} for a delete
   * @param oldValue the value the store below held before, or {@code null} if it held none or
   *     old values were not asked for
   * @param timestamp the timestamp of the write, epoch milliseconds
   */
  void apply(K key, V newValue, V oldValue, long timestamp);
}
