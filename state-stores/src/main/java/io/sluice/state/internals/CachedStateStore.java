package io.sluice.state.internals;

/**
 * A store layer that reports updates to a {@link CacheFlushListener}: the writes its caching layer
 * flushes and, for a key-value store with a time-to-live, the expiries.
 *
 * <p>What the listener receives:
 *
 * <ul>
 *   <li>Ordinary writes (puts and deletes) only when {@link #setFlushListener} returns {@code
 *       true} (the store caches): each dirty entry once, when the cache flushes or evicts it,
 *       under the record context of the write that made it.
 *   <li>Time-to-live expiries always, with or without caching: one {@code (key, null, oldValue,
 *       timestamp)} per expired entry that had reached the store below the cache, never two.
 *       {@code oldValue} is the expired value if old values were asked for, else {@code null};
 *       {@code timestamp} is the stream time at which the entry expired (epoch ms, not below 0).
 *       While the listener runs, the record context is an expiry's own: that timestamp, no topic
 *       ({@code null}), partition and offset {@code -1}, and new empty headers; the previous
 *       context is restored afterwards. The changelog tombstone of the expiry carries the same
 *       timestamp. Without caching the expiry is reported when the store removes the entry
 *       (before a write, or at a commit or flush); with caching, when the cache flushes the removal. An
 *       entry that expires while only in the cache never reached the store below: it is not
 *       reported and its value is never logged (the changelog at most gets a tombstone for it).
 * </ul>
 *
 * @param <K> key type of the updates
 * @param <V> value type of the updates
 */
public interface CachedStateStore<K, V> {

  /**
   * Registers the listener of reported updates, replacing any earlier one. Call it after the
   * store was initialised (a processor's {@code init}): only then is it known whether a thread
   * cache backs the store.
   *
   * @param sendOldValues whether updates carry the value the store held before
   * @return whether the store caches: if {@code false}, ordinary writes are never reported and the
   *     caller must forward them itself as it writes them; expiries are reported either way
   * @throws IllegalStateException if the store was not initialised yet
   */
  boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues);
}
