package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.WindowedCount;
import org.apache.kafka.common.utils.Bytes;

/**
 * The record cache of one stream thread, shared by the caching layers of all stores of the
 * thread's tasks, each in its own namespace ({@code <task id>-<store name>}). Bounded by an
 * approximate byte size (keys, values, record contexts and a fixed overhead per entry); when it
 * grows past the bound it evicts the least recently used entry across all namespaces. Evicting a
 * dirty (unwritten) entry first flushes every dirty entry of its namespace, in the order they were
 * last written, through the namespace's flush listener.
 *
 * <p>The owning stream thread writes; interactive-query threads may read concurrently. Every
 * access takes one lock, held only for the map operations, never while a flush listener runs.
 */
public final class ThreadCache implements AutoCloseable {

  /** The metric group of the cache metrics. */
  static final String GROUP = "stream-record-cache-metrics";

  /** Writes the flushed dirty entries of one namespace to its store. */
  @FunctionalInterface
  interface FlushListener {
    /** Called with the dirty entries, in the order they were last written; never empty. */
    void apply(List<DirtyEntry> entries);
  }

  private record Slot(String namespace, Bytes key) {}

  private static final class Namespace {
    final TreeMap<Bytes, CacheEntry> entries = new TreeMap<>();
    final LinkedHashSet<Bytes> dirty = new LinkedHashSet<>();
    final FlushListener listener;

    Namespace(FlushListener listener) {
      this.listener = listener;
    }
  }

  private final Object lock = new Object();
  private final LinkedHashMap<Slot, Slot> lru = new LinkedHashMap<>(64, 0.75f, true);
  private final Map<String, Namespace> namespaces = new HashMap<>();
  private final Metrics metrics;
  private final String sensorName;
  private final Sensor evictionSensor;
  private long maxBytes;
  private long sizeBytes;
  private long evictions;

  /**
   * @param maxBytes the bound in bytes; 0 keeps nothing (every write goes straight through)
   * @param metrics where the {@code evictions-rate} and {@code evictions-total} metrics of group
   *     {@value #GROUP}, tagged {@code thread-id}, are registered
   * @param threadId the owning thread's name, for the metric tag
   * @throws IllegalArgumentException if {@code maxBytes} is negative
   */
  public ThreadCache(long maxBytes, Metrics metrics, String threadId) {
    this.maxBytes = checkBytes(maxBytes);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.sensorName = "thread." + threadId + ".record-cache.evictions";
    Map<String, String> tags = Map.of("thread-id", threadId);
    this.evictionSensor = metrics.sensor(sensorName);
    evictionSensor.add(
        metrics.metricName("evictions-rate", GROUP, "cache entries evicted per second", tags),
        new Rate(TimeUnit.SECONDS, new WindowedCount()));
    evictionSensor.add(
        metrics.metricName("evictions-total", GROUP, "cache entries evicted", tags),
        new CumulativeCount());
  }

  private static long checkBytes(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException(
          "statestore.cache.max.bytes must be >= 0 (0 disables caching), but is " + maxBytes);
    }
    return maxBytes;
  }

  /**
   * Changes the bound (when stream threads come or go and the instance budget is split anew),
   * evicting, and so flushing, until the cache fits.
   *
   * @throws IllegalArgumentException if {@code newMaxBytes} is negative
   */
  public void resize(long newMaxBytes) {
    synchronized (lock) {
      maxBytes = checkBytes(newMaxBytes);
    }
    maybeEvict();
  }

  /** The bound in bytes. */
  public long maxBytes() {
    synchronized (lock) {
      return maxBytes;
    }
  }

  /** The approximate bytes held now. */
  public long sizeBytes() {
    synchronized (lock) {
      return sizeBytes;
    }
  }

  /** The number of entries held, across namespaces. */
  public long entries() {
    synchronized (lock) {
      return lru.size();
    }
  }

  /** Entries evicted so far. */
  public long evictions() {
    synchronized (lock) {
      return evictions;
    }
  }

  /**
   * Opens {@code namespace}, whose dirty entries go to {@code listener} when flushed or evicted.
   *
   * @throws IllegalStateException if the namespace is open already
   */
  void open(String namespace, FlushListener listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (lock) {
      if (namespaces.putIfAbsent(namespace, new Namespace(listener)) != null) {
        throw new IllegalStateException(
            "cache namespace " + namespace + " is open already; a store opens its namespace once");
      }
    }
  }

  /** Drops every entry of {@code namespace}, dirty ones included, and closes it. */
  void close(String namespace) {
    synchronized (lock) {
      Namespace ns = namespaces.remove(namespace);
      if (ns == null) {
        return;
      }
      for (Map.Entry<Bytes, CacheEntry> e : ns.entries.entrySet()) {
        lru.remove(new Slot(namespace, e.getKey()));
        sizeBytes -= size(e.getKey(), e.getValue());
      }
    }
  }

  /** The cached entry of {@code key}, or {@code null}; a hit makes it most recently used. */
  CacheEntry get(String namespace, Bytes key) {
    synchronized (lock) {
      Namespace ns = namespaces.get(namespace);
      CacheEntry entry = ns == null ? null : ns.entries.get(key);
      if (entry != null) {
        lru.get(new Slot(namespace, key));
      }
      return entry;
    }
  }

  /**
   * Caches {@code entry} for {@code key} as the most recently used entry, then evicts while the
   * cache is over its bound (which may flush namespaces, this one included).
   *
   * @throws IllegalStateException if the namespace is not open
   */
  void put(String namespace, Bytes key, CacheEntry entry) {
    synchronized (lock) {
      Namespace ns = namespace(namespace);
      CacheEntry old = ns.entries.put(key, entry);
      if (old != null) {
        sizeBytes -= size(key, old);
      }
      sizeBytes += size(key, entry);
      ns.dirty.remove(key);
      if (entry.dirty()) {
        ns.dirty.add(key);
      }
      Slot slot = new Slot(namespace, key);
      lru.put(slot, slot);
    }
    maybeEvict();
  }

  /**
   * Caches a clean entry read from the store below, unless the key is cached already, then evicts
   * while the cache is over its bound (like {@link #put}, this may flush namespaces).
   */
  void putIfAbsentClean(String namespace, Bytes key, byte[] value) {
    synchronized (lock) {
      Namespace ns = namespaces.get(namespace);
      if (ns == null || ns.entries.containsKey(key)) {
        return;
      }
      CacheEntry entry = new CacheEntry(value, false, null);
      ns.entries.put(key, entry);
      sizeBytes += size(key, entry);
      Slot slot = new Slot(namespace, key);
      lru.put(slot, slot);
    }
    maybeEvict();
  }

  /** Hands every dirty entry of {@code namespace} to its listener and marks them clean. */
  void flush(String namespace) {
    FlushListener listener;
    List<DirtyEntry> dirty;
    synchronized (lock) {
      Namespace ns = namespaces.get(namespace);
      if (ns == null) {
        return;
      }
      listener = ns.listener;
      dirty = takeDirty(ns);
    }
    if (!dirty.isEmpty()) {
      listener.apply(dirty);
    }
  }

  /** A snapshot of the entries of {@code namespace} with keys in {@code [from, to]}. */
  List<KeyValue<Bytes, CacheEntry>> range(String namespace, Bytes from, Bytes to) {
    synchronized (lock) {
      Namespace ns = namespaces.get(namespace);
      if (ns == null || (from != null && to != null && from.compareTo(to) > 0)) {
        return List.of();
      }
      return snapshot(KeyRanges.slice(ns.entries, from, to));
    }
  }

  /** A snapshot of the entries of {@code namespace} whose keys start with {@code prefix}. */
  List<KeyValue<Bytes, CacheEntry>> prefix(String namespace, Bytes prefix) {
    synchronized (lock) {
      Namespace ns = namespaces.get(namespace);
      return ns == null ? List.of() : snapshot(KeyRanges.prefix(ns.entries, prefix));
    }
  }

  private static List<KeyValue<Bytes, CacheEntry>> snapshot(NavigableMap<Bytes, CacheEntry> map) {
    List<KeyValue<Bytes, CacheEntry>> copy = new ArrayList<>(map.size());
    map.forEach((k, v) -> copy.add(new KeyValue<>(k, v)));
    return copy;
  }

  private Namespace namespace(String namespace) {
    Namespace ns = namespaces.get(namespace);
    if (ns == null) {
      throw new IllegalStateException(
          "cache namespace " + namespace + " is not open; the store opens it in init()");
    }
    return ns;
  }

  private static List<DirtyEntry> takeDirty(Namespace ns) {
    List<DirtyEntry> dirty = new ArrayList<>(ns.dirty.size());
    for (Bytes key : ns.dirty) {
      CacheEntry entry = ns.entries.get(key);
      dirty.add(new DirtyEntry(key, entry.value(), entry.context()));
      ns.entries.put(key, entry.clean());
    }
    ns.dirty.clear();
    return dirty;
  }

  /** Evicts least recently used entries until the cache fits, flushing dirty namespaces first. */
  private void maybeEvict() {
    while (true) {
      FlushListener listener;
      List<DirtyEntry> dirty;
      synchronized (lock) {
        Iterator<Slot> eldest = lru.keySet().iterator();
        if (sizeBytes <= maxBytes || !eldest.hasNext()) {
          return;
        }
        Slot slot = eldest.next();
        Namespace ns = namespaces.get(slot.namespace());
        CacheEntry entry = ns.entries.get(slot.key());
        if (!entry.dirty()) {
          eldest.remove();
          ns.entries.remove(slot.key());
          sizeBytes -= size(slot.key(), entry);
          evictions++;
          evictionSensor.record();
          continue;
        }
        listener = ns.listener;
        dirty = takeDirty(ns);
      }
      listener.apply(dirty);
    }
  }

  private static long size(Bytes key, CacheEntry entry) {
    return key.get().length + entry.sizeInBytes();
  }

  /** Removes the cache's metrics; entries still held are dropped. */
  @Override
  public void close() {
    synchronized (lock) {
      namespaces.clear();
      lru.clear();
      sizeBytes = 0;
    }
    metrics.removeSensor(sensorName);
  }
}
