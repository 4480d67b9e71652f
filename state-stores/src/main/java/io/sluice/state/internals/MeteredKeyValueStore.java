package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * The outer layer of a key-value store: turns objects into bytes with the store's serdes (the
 * builder's, or the configured defaults) and times every operation in {@link StoreMetrics}.
 * Iterator operations are timed until the iterator is returned; entries are deserialized as they
 * are read. With a caching or time-to-live layer below, it deserializes the updates they report
 * (flushed writes, expiries) for the {@link CacheFlushListener} registered through {@link
 * #setFlushListener}.
 */
class MeteredKeyValueStore<K, V> extends MeteredStore<KeyValueStore<Bytes, byte[]>, K, V>
    implements KeyValueStore<K, V>, CachedStateStore<K, V> {

  private static final Serializer<Bytes> BYTES = new BytesSerializer();

  private Sensor putSensor;
  private Sensor putIfAbsentSensor;
  private Sensor putAllSensor;
  private Sensor getSensor;
  private Sensor deleteSensor;
  private Sensor rangeSensor;
  private Sensor allSensor;
  private Sensor prefixScanSensor;

  /**
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the value serde, or {@code null} for {@code default.value.serde}
   */
  MeteredKeyValueStore(
      KeyValueStore<Bytes, byte[]> inner,
      String metricsScope,
      Serde<K> keySerde,
      Serde<V> valueSerde) {
    super(inner, metricsScope, keySerde, valueSerde);
  }

  @Override
  void createSensors(StoreMetrics metrics) {
    putSensor = metrics.latencySensor("put");
    putIfAbsentSensor = metrics.latencySensor("put-if-absent");
    putAllSensor = metrics.latencySensor("put-all");
    getSensor = metrics.latencySensor("get");
    deleteSensor = metrics.latencySensor("delete");
    rangeSensor = metrics.latencySensor("range");
    allSensor = metrics.latencySensor("all");
    prefixScanSensor = metrics.latencySensor("prefix-scan");
  }

  /**
   * Registers {@code listener} with the caching or time-to-live layer below, if there is one;
   * the updates reach it deserialized. With a time-to-live layer it receives every expiry, with
   * or without caching (see {@link CachedStateStore}).
   *
   * @return whether the store caches (built with caching enabled), so that ordinary writes are
   *     reported too
   */
  @Override
  public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
    java.util.Objects.requireNonNull(listener, "listener");
    CachedStateStore<Bytes, byte[]> reporting;
    if (wrapped() instanceof CachingKeyValueStore cachingLayer) {
      reporting = cachingLayer;
    } else if (wrapped() instanceof TimeToLiveKeyValueStore ttlLayer) {
      reporting = ttlLayer;
    } else {
      return false;
    }
    return reporting.setFlushListener(
        (key, newValue, oldValue, timestamp) -> {
          StateSerdes<K, V> serdes = serdes();
          listener.apply(
              serdes.key(key), serdes.value(newValue), serdes.value(oldValue), timestamp);
        },
        sendOldValues);
  }

  @Override
  public void put(K key, V value) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      wrapped().put(serdes.rawKey(key), serdes.rawValue(value));
    } finally {
      putSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public V putIfAbsent(K key, V value) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return serdes.value(wrapped().putIfAbsent(serdes.rawKey(key), serdes.rawValue(value)));
    } finally {
      putIfAbsentSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public void putAll(List<KeyValue<K, V>> entries) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      List<KeyValue<Bytes, byte[]>> raw = new ArrayList<>(entries.size());
      for (KeyValue<K, V> entry : entries) {
        raw.add(new KeyValue<>(serdes.rawKey(entry.key()), serdes.rawValue(entry.value())));
      }
      wrapped().putAll(raw);
    } finally {
      putAllSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public V delete(K key) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return serdes.value(wrapped().delete(serdes.rawKey(key)));
    } finally {
      deleteSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public V get(K key) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return serdes.value(wrapped().get(serdes.rawKey(key)));
    } finally {
      getSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<K, V> range(K from, K to) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(wrapped().range(serdes.rawBound(from), serdes.rawBound(to)));
    } finally {
      rangeSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<K, V> reverseRange(K from, K to) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(wrapped().reverseRange(serdes.rawBound(from), serdes.rawBound(to)));
    } finally {
      rangeSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<K, V> all() {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(wrapped().all());
    } finally {
      allSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public KeyValueIterator<K, V> reverseAll() {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(wrapped().reverseAll());
    } finally {
      allSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public <P> KeyValueIterator<K, V> prefixScan(P prefix, Serializer<P> prefixKeySerializer) {
    StateSerdes<K, V> serdes = serdes();
    long start = System.nanoTime();
    try {
      return typed(wrapped().prefixScan(serdes.rawPrefix(prefix, prefixKeySerializer), BYTES));
    } finally {
      prefixScanSensor.record(System.nanoTime() - start);
    }
  }

  @Override
  public long approximateNumEntries() {
    return wrapped().approximateNumEntries();
  }

  private KeyValueIterator<K, V> typed(KeyValueIterator<Bytes, byte[]> raw) {
    StateSerdes<K, V> serdes = serdes();
    return new MappedIterator<>(raw, serdes::key, serdes::value);
  }
}
