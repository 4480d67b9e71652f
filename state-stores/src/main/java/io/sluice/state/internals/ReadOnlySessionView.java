package io.sluice.state.internals;

import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.ReadOnlySessionStore;
import java.util.Objects;

/** Passes only the read operations of a session store through. */
final class ReadOnlySessionView<K, AGG> implements ReadOnlySessionStore<K, AGG> {

  private final ReadOnlySessionStore<K, AGG> store;

  ReadOnlySessionView(ReadOnlySessionStore<K, AGG> store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> findSessions(
      K key, long earliestSessionEndMs, long latestSessionStartMs) {
    return store.findSessions(key, earliestSessionEndMs, latestSessionStartMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(
      K key, long earliestSessionEndMs, long latestSessionStartMs) {
    return store.backwardFindSessions(key, earliestSessionEndMs, latestSessionStartMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> findSessions(
      K keyFrom, K keyTo, long earliestSessionEndMs, long latestSessionStartMs) {
    return store.findSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(
      K keyFrom, K keyTo, long earliestSessionEndMs, long latestSessionStartMs) {
    return store.backwardFindSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs);
  }

  @Override
  public AGG fetchSession(K key, long startMs, long endMs) {
    return store.fetchSession(key, startMs, endMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> fetch(K key) {
    return store.fetch(key);
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> backwardFetch(K key) {
    return store.backwardFetch(key);
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> fetch(K keyFrom, K keyTo) {
    return store.fetch(keyFrom, keyTo);
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> backwardFetch(K keyFrom, K keyTo) {
    return store.backwardFetch(keyFrom, keyTo);
  }
}
