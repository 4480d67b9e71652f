package io.sluice.dsl.internals;

import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.SessionStore;
import io.sluice.state.internals.CacheFlushListener;
import io.sluice.state.internals.CachedStateStore;

/**
 * A session aggregation's store as its processor sees it: the built session store, plus the
 * headers of a flushed write ({@link RecordContextStore}).
 *
 * @param <K> key type
 * @param <V> aggregate type
 */
final class SessionAggregateStore<K, V> extends RecordContextStore<SessionStore<K, V>>
    implements SessionStore<K, V>, CachedStateStore<Windowed<K>, V> {

  SessionAggregateStore(SessionStore<K, V> inner) {
    super(inner);
  }

  @Override
  public boolean setFlushListener(CacheFlushListener<Windowed<K>, V> listener,
      boolean sendOldValues) {
    if (!(inner() instanceof CachedStateStore<?, ?>)) {
      return false;
    }
    @SuppressWarnings("unchecked") // the built store reports updates of its own key/value types
    CachedStateStore<Windowed<K>, V> reporting = (CachedStateStore<Windowed<K>, V>) inner();
    return reporting.setFlushListener(listener, sendOldValues);
  }

  @Override
  public void put(Windowed<K> session, V aggregate) {
    inner().put(session, aggregate);
  }

  @Override
  public void remove(Windowed<K> session) {
    inner().remove(session);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> findSessions(K key, long earliestSessionEndMs,
      long latestSessionStartMs) {
    return inner().findSessions(key, earliestSessionEndMs, latestSessionStartMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFindSessions(K key, long earliestSessionEndMs,
      long latestSessionStartMs) {
    return inner().backwardFindSessions(key, earliestSessionEndMs, latestSessionStartMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> findSessions(K keyFrom, K keyTo,
      long earliestSessionEndMs, long latestSessionStartMs) {
    return inner().findSessions(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFindSessions(K keyFrom, K keyTo,
      long earliestSessionEndMs, long latestSessionStartMs) {
    return inner().backwardFindSessions(keyFrom, keyTo, earliestSessionEndMs,
        latestSessionStartMs);
  }

  @Override
  public V fetchSession(K key, long startMs, long endMs) {
    return inner().fetchSession(key, startMs, endMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetch(K key) {
    return inner().fetch(key);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetch(K key) {
    return inner().backwardFetch(key);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo) {
    return inner().fetch(keyFrom, keyTo);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo) {
    return inner().backwardFetch(keyFrom, keyTo);
  }
}
