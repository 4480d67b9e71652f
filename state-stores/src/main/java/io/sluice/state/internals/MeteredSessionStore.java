package io.sluice.state.internals;

import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.SessionStore;
import java.util.Objects;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * The outer layer of a session store: serdes (the builder's or the configured defaults) and the
 * {@code put}, {@code remove}, {@code fetch} and {@code flush} sensors of {@link StoreMetrics}.
 * Every read operation counts as a fetch, timed until its result or iterator is returned.
 */
final class MeteredSessionStore<K, AGG>
    extends MeteredStore<SessionStore<Bytes, byte[]>, K, AGG>
    implements SessionStore<K, AGG>, CachedStateStore<Windowed<K>, AGG> {

  private Sensor putSensor;
  private Sensor removeSensor;
  private Sensor fetchSensor;

  /**
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the aggregate serde, or {@code null} for {@code default.value.serde}
   */
  MeteredSessionStore(
      SessionStore<Bytes, byte[]> inner,
      String metricsScope,
      Serde<K> keySerde,
      Serde<AGG> valueSerde) {
    super(inner, metricsScope, keySerde, valueSerde);
  }

  @Override
  void createSensors(StoreMetrics metrics) {
    putSensor = metrics.latencySensor("put");
    removeSensor = metrics.latencySensor("remove");
    fetchSensor = metrics.latencySensor("fetch");
  }

  /**
   * Registers {@code listener} with the caching layer below, if there is one; the flushed updates
   * reach it deserialized.
   *
   * @return whether the store caches (built with caching enabled)
   */
  @Override
  public boolean setFlushListener(
      CacheFlushListener<Windowed<K>, AGG> listener, boolean sendOldValues) {
    if (!(wrapped() instanceof CachingSessionStore caching)) {
      return false;
    }
    java.util.Objects.requireNonNull(listener, "listener");
    return caching.setFlushListener(
        (session, newValue, oldValue, timestamp) -> {
          StateSerdes<K, AGG> serdes = serdes();
          listener.apply(
              new Windowed<>(serdes.key(session.key()), session.window()),
              serdes.value(newValue),
              serdes.value(oldValue),
              timestamp);
        },
        sendOldValues);
  }

  @Override
  public void put(Windowed<K> session, AGG aggregate) {
    StateSerdes<K, AGG> serdes = serdes();
    long start = System.nanoTime();
    try {
      wrapped().put(rawSession(session), serdes.rawValue(aggregate));
    } finally {
      putSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public void remove(Windowed<K> session) {
    StateSerdes<K, AGG> serdes = serdes();
    long start = System.nanoTime();
    try {
      wrapped().remove(rawSession(session));
    } finally {
      removeSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public AGG fetchSession(K key, long startMs, long endMs) {
    StateSerdes<K, AGG> serdes = serdes();
    long start = System.nanoTime();
    try {
      return serdes.value(wrapped().fetchSession(serdes.rawKey(key), startMs, endMs));
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> findSessions(
      K key, long earliestSessionEndMs, long latestSessionStartMs) {
    StateSerdes<K, AGG> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(
          wrapped().findSessions(serdes.rawKey(key), earliestSessionEndMs, latestSessionStartMs));
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(
      K key, long earliestSessionEndMs, long latestSessionStartMs) {
    StateSerdes<K, AGG> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(
          wrapped()
              .backwardFindSessions(
                  serdes.rawKey(key), earliestSessionEndMs, latestSessionStartMs));
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> findSessions(
      K keyFrom, K keyTo, long earliestSessionEndMs, long latestSessionStartMs) {
    StateSerdes<K, AGG> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(
          wrapped()
              .findSessions(
                  serdes.rawBound(keyFrom),
                  serdes.rawBound(keyTo),
                  earliestSessionEndMs,
                  latestSessionStartMs));
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> backwardFindSessions(
      K keyFrom, K keyTo, long earliestSessionEndMs, long latestSessionStartMs) {
    StateSerdes<K, AGG> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(
          wrapped()
              .backwardFindSessions(
                  serdes.rawBound(keyFrom),
                  serdes.rawBound(keyTo),
                  earliestSessionEndMs,
                  latestSessionStartMs));
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> fetch(K key) {
    return findSessions(key, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> backwardFetch(K key) {
    return backwardFindSessions(key, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> fetch(K keyFrom, K keyTo) {
    return findSessions(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public KeyValueIterator<Windowed<K>, AGG> backwardFetch(K keyFrom, K keyTo) {
    return backwardFindSessions(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  private Windowed<Bytes> rawSession(Windowed<K> session) {
    StateSerdes<K, AGG> serdes = serdes();
    Objects.requireNonNull(session, "session");
    return new Windowed<>(serdes.rawKey(session.key()), session.window());
  }

  private KeyValueIterator<Windowed<K>, AGG> typed(KeyValueIterator<Windowed<Bytes>, byte[]> raw) {
    StateSerdes<K, AGG> serdes = serdes();
    return new MappedIterator<>(
        raw, w -> new Windowed<>(serdes.key(w.key()), w.window()), serdes::value);
  }
}
