package io.sluice.runtime.internals.query;

import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.ReadOnlySessionStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/** One session store across every local task holding it; results of the copies concatenated. */
public final class CompositeSessionView<K, AGG> implements ReadOnlySessionStore<K, AGG> {
  private final StoreGuard<ReadOnlySessionStore<K, AGG>> guard;

  /** @param stores the current local copies, fetched for every query */
  public CompositeSessionView(String storeName,
      Supplier<List<ReadOnlySessionStore<K, AGG>>> stores) {
    this.guard = new StoreGuard<>(storeName, stores);
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> findSessions(K key, long earliestSessionEndMs,
      long latestSessionStartMs) {
    Objects.requireNonNull(key, "key");
    return concat(s -> s.findSessions(key, earliestSessionEndMs, latestSessionStartMs));
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K key,
      long earliestSessionEndMs, long latestSessionStartMs) {
    Objects.requireNonNull(key, "key");
    return concat(s -> s.backwardFindSessions(key, earliestSessionEndMs, latestSessionStartMs));
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> findSessions(K keyFrom, K keyTo,
      long earliestSessionEndMs, long latestSessionStartMs) {
    return concat(s -> s.findSessions(keyFrom, keyTo, earliestSessionEndMs,
        latestSessionStartMs));
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(K keyFrom, K keyTo,
      long earliestSessionEndMs, long latestSessionStartMs) {
    return concat(s -> s.backwardFindSessions(keyFrom, keyTo, earliestSessionEndMs,
        latestSessionStartMs));
  }

  @Override
  public AGG fetchSession(K key, long startMs, long endMs) {
    Objects.requireNonNull(key, "key");
    return guard.read(() -> {
      for (ReadOnlySessionStore<K, AGG> store : guard.stores()) {
        AGG value = store.fetchSession(key, startMs, endMs);
        if (value != null) {
          return value;
        }
      }
      return null;
    });
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> fetch(K key) {
    Objects.requireNonNull(key, "key");
    return concat(s -> s.fetch(key));
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> backwardFetch(K key) {
    Objects.requireNonNull(key, "key");
    return concat(s -> s.backwardFetch(key));
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> fetch(K keyFrom, K keyTo) {
    return concat(s -> s.fetch(keyFrom, keyTo));
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> backwardFetch(K keyFrom, K keyTo) {
    return concat(s -> s.backwardFetch(keyFrom, keyTo));
  }

  private KeyValueIterator<Windowed<K>, AGG> concat(
      Function<ReadOnlySessionStore<K, AGG>, KeyValueIterator<Windowed<K>, AGG>> open) {
    return guard.read(() -> new ConcatIterator<>(guard.stores(), open));
  }
}
