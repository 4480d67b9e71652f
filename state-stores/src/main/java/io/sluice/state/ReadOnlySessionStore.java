package io.sluice.state;

import io.sluice.serdes.Windowed;

/**
 * Read operations of a session store, which keeps one aggregate per key and session. A session is
 * the closed interval {@code [start, end]} of the timestamps of its records (epoch milliseconds),
 * so a session of one record has {@code start == end}.
 *
 * <p>Forward iterators return sessions by end time, then key bytes (unsigned), then start time;
 * backward iterators the exact reverse. Key bounds follow {@link ReadOnlyKeyValueStore}:
 * serialized, unsigned byte order, inclusive, {@code null} = unbounded. Sessions older than the
 * store's retention are not returned.
 *
 * @param <K> key type
 * @param <AGG> aggregate type
 */
public interface ReadOnlySessionStore<K, AGG> {

  /**
   * The sessions of {@code key} that end at or after {@code earliestSessionEndMs} and start at or
   * before {@code latestSessionStartMs}: the sessions a record in that span could merge with.
   *
   * @throws NullPointerException if {@code key} is null
   * @throws StateStoreException if the store is closed
   */
  KeyValueIterator<Windowed<K>, AGG> findSessions(
      K key, long earliestSessionEndMs, long latestSessionStartMs);

  /** Like {@link #findSessions(Object, long, long)}, in reverse order. */
  KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(
      K key, long earliestSessionEndMs, long latestSessionStartMs);

  /** Like {@link #findSessions(Object, long, long)} for the keys in {@code [keyFrom, keyTo]}. */
  KeyValueIterator<Windowed<K>, AGG> findSessions(
      K keyFrom, K keyTo, long earliestSessionEndMs, long latestSessionStartMs);

  /** Like {@link #findSessions(Object, Object, long, long)}, in reverse order. */
  KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(
      K keyFrom, K keyTo, long earliestSessionEndMs, long latestSessionStartMs);

  /**
   * The aggregate of exactly the session {@code [startMs, endMs]} of {@code key}.
   *
   * @return the aggregate, or {@code null} if there is no such session
   */
  AGG fetchSession(K key, long startMs, long endMs);

  /** Every retained session of {@code key}. */
  KeyValueIterator<Windowed<K>, AGG> fetch(K key);

  /** Every retained session of {@code key}, in reverse order. */
  KeyValueIterator<Windowed<K>, AGG> backwardFetch(K key);

  /** Every retained session of the keys in {@code [keyFrom, keyTo]}. */
  KeyValueIterator<Windowed<K>, AGG> fetch(K keyFrom, K keyTo);

  /** Every retained session of the keys in {@code [keyFrom, keyTo]}, in reverse order. */
  KeyValueIterator<Windowed<K>, AGG> backwardFetch(K keyFrom, K keyTo);
}
