package io.sluice.state;

import io.sluice.serdes.Windowed;

/**
 * A session store: aggregates per key and session window, kept for a retention period measured in
 * stream time (the largest session end the store has seen). See {@link ReadOnlySessionStore}.
 *
 * @param <K> key type
 * @param <AGG> aggregate type
 */
public interface SessionStore<K, AGG> extends StateStore, ReadOnlySessionStore<K, AGG> {

  /**
   * Stores the aggregate of one session, replacing a previous aggregate of the same key, start and
   * end. A put for a session already past retention is dropped and counted.
   *
   * @param session the key and its session window ({@code window().endMs()} is the last record's
   *     timestamp, inclusive)
   * @param aggregate the aggregate; {@code null} removes the session
   * @throws NullPointerException if {@code session} or its key is null
   * @throws StateStoreException if the store is closed
   */
  void put(Windowed<K> session, AGG aggregate);

  /** Removes the session of exactly this key, start and end, if present. */
  void remove(Windowed<K> session);
}
