package io.sluice.state.internals;

import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.WindowStore;
import io.sluice.state.WindowStoreIterator;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * The outer layer of a window store: serdes (the builder's or the configured defaults) and the
 * {@code put}, {@code fetch} and {@code flush} sensors of {@link StoreMetrics}. Every read
 * operation counts as a fetch, timed until its result or iterator is returned. With a caching
 * layer below, it deserializes the updates the cache flushes for a {@link CacheFlushListener}.
 */
class MeteredWindowStore<K, V> extends MeteredStore<WindowStore<Bytes, byte[]>, K, V>
    implements WindowStore<K, V>, CachedStateStore<Windowed<K>, V> {

  private Sensor putSensor;
  private Sensor fetchSensor;

  /**
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the value serde, or {@code null} for {@code default.value.serde}
   */
  MeteredWindowStore(
      WindowStore<Bytes, byte[]> inner,
      String metricsScope,
      Serde<K> keySerde,
      Serde<V> valueSerde) {
    super(inner, metricsScope, keySerde, valueSerde);
  }

  @Override
  void createSensors(StoreMetrics metrics) {
    putSensor = metrics.latencySensor("put");
    fetchSensor = metrics.latencySensor("fetch");
  }

  /**
   * Registers {@code listener} with the caching layer below, if there is one; the flushed updates
   * reach it deserialized.
   *
   * @return whether the store caches (built with caching enabled, without duplicates)
   */
  @Override
  public boolean setFlushListener(
      CacheFlushListener<Windowed<K>, V> listener, boolean sendOldValues) {
    if (!(wrapped() instanceof CachingWindowStore caching)) {
      return false;
    }
    java.util.Objects.requireNonNull(listener, "listener");
    return caching.setFlushListener(
        (key, newValue, oldValue, timestamp) -> {
          StateSerdes<K, V> serdes = serdes();
          listener.apply(
              new Windowed<>(serdes.key(key.key()), key.window()),
              serdes.value(newValue),
              serdes.value(oldValue),
              timestamp);
        },
        sendOldValues);
  }

  @Override
  public void put(K key, V value, long windowStartMs) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      wrapped().put(serdes.rawKey(key), serdes.rawValue(value), windowStartMs);
    } finally {
      putSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public V fetch(K key, long windowStartMs) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return serdes.value(wrapped().fetch(serdes.rawKey(key), windowStartMs));
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public WindowStoreIterator<V> fetch(K key, long timeFromMs, long timeToMs) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return new MappedWindowIterator<>(
          wrapped().fetch(serdes.rawKey(key), timeFromMs, timeToMs), serdes::value);
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public WindowStoreIterator<V> backwardFetch(K key, long timeFromMs, long timeToMs) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return new MappedWindowIterator<>(
          wrapped().backwardFetch(serdes.rawKey(key), timeFromMs, timeToMs), serdes::value);
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetch(
      K keyFrom, K keyTo, long timeFromMs, long timeToMs) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(
          wrapped().fetch(serdes.rawBound(keyFrom), serdes.rawBound(keyTo), timeFromMs, timeToMs));
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetch(
      K keyFrom, K keyTo, long timeFromMs, long timeToMs) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(
          wrapped()
              .backwardFetch(
                  serdes.rawBound(keyFrom), serdes.rawBound(keyTo), timeFromMs, timeToMs));
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFromMs, long timeToMs) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(wrapped().fetchAll(timeFromMs, timeToMs));
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFromMs, long timeToMs) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(wrapped().backwardFetchAll(timeFromMs, timeToMs));
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> all() {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(wrapped().all());
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardAll() {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(wrapped().backwardAll());
    } finally {
      fetchSensor.record(System.nanoTime() - start);
    }
  }

  private KeyValueIterator<Windowed<K>, V> typed(KeyValueIterator<Windowed<Bytes>, byte[]> raw) {
    StateSerdes<K, V> serdes = serdes();
    return new MappedIterator<>(
        raw, w -> new Windowed<>(serdes.key(w.key()), w.window()), serdes::value);
  }
}
