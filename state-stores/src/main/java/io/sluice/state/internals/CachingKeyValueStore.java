package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * The caching layer of a key-value byte store, between the metered and the changelogging layer.
 * Writes go to the thread's {@link ThreadCache} as dirty entries; reads look in the cache first;
 * iterators merge cache and store. On {@link #flush()} (the task's commit) or when the cache
 * evicts, the dirty entries are written below — one write per key however often it changed — and
 * reported to the {@link CacheFlushListener}, each under its own write's record context.
 *
 * <p>Without a thread cache in the context (none configured), the layer passes everything through.
 * Records the {@code hit-ratio} (avg, min, max) of the owning thread's reads in {@link
 * StoreMetrics}; the owning thread's misses also cache what they read. Reads from other threads
 * (interactive queries) neither count nor fill the cache.
 */
final class CachingKeyValueStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>>
    implements KeyValueStore<Bytes, byte[]>, CachedStateStore<Bytes, byte[]> {

  private final String metricsScope;
  private InternalStoreContext context;
  private ThreadCache cache;
  private String namespace;
  private Thread owner;
  private StoreMetrics metrics;
  private Sensor hitRatio;
  private long hits;
  private long reads;
  private CacheFlushListener<Bytes, byte[]> listener;
  private boolean sendOldValues;

  CachingKeyValueStore(KeyValueStore<Bytes, byte[]> inner, String metricsScope) {
    super(inner);
    this.metricsScope = metricsScope;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    this.context = StoreContexts.internal(context, name());
    super.init(context, root);
    this.cache = this.context.cache();
    this.owner = Thread.currentThread();
    if (cache != null) {
      namespace = context.taskId() + "-" + name();
      cache.open(namespace, this::writeDown);
      metrics = new StoreMetrics(context.metrics(), context.taskId(), metricsScope, name());
      hitRatio = metrics.ratioSensor("hit-ratio");
    }
  }

  @Override
  public boolean setFlushListener(CacheFlushListener<Bytes, byte[]> listener, boolean sendOld) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.sendOldValues = sendOld;
    if (context == null) {
      throw new IllegalStateException("Store " + name() + " must be initialised before a flush"
          + " listener is set: whether it caches depends on the task's thread cache");
    }
    // Without a thread cache every write passes straight through and is never reported.
    return cache != null;
  }

  /** Writes flushed entries below (each under its record context), then reports them. */
  private void writeDown(List<DirtyEntry> entries) {
    ProcessorRecordContext previous = context.recordContext();
    List<byte[]> olds = new ArrayList<>(entries.size());
    try {
      for (DirtyEntry entry : entries) {
        olds.add(listener == null ? null : wrapped().get(entry.key()));
        context.setRecordContext(entry.context());
        if (entry.value() == null) {
          wrapped().delete(entry.key());
        } else {
          wrapped().put(entry.key(), entry.value());
        }
      }
      if (listener != null) {
        for (int i = 0; i < entries.size(); i++) {
          DirtyEntry entry = entries.get(i);
          byte[] old = olds.get(i);
          if (entry.value() != null || old != null) {
            context.setRecordContext(entry.context());
            listener.apply(
                entry.key(),
                entry.value(),
                sendOldValues ? old : null,
                StoreContexts.changeTimestamp(context));
          }
        }
      }
    } finally {
      context.setRecordContext(previous);
    }
  }

  private void requireOpen() {
    if (context == null || !isOpen()) {
      throw new StateStoreException(
          "store " + name() + " is not open; the task initialises it before use");
    }
  }

  private void cacheWrite(Bytes key, byte[] value) {
    cache.put(namespace, key, new CacheEntry(value, true, context.recordContext()));
  }

  @Override
  public byte[] get(Bytes key) {
    Objects.requireNonNull(key, "key");
    if (cache == null) {
      return wrapped().get(key);
    }
    requireOpen();
    CacheEntry entry = cache.get(namespace, key);
    boolean hit = entry != null;
    byte[] value = hit ? entry.value() : wrapped().get(key);
    if (!hit && Thread.currentThread() == owner && cache.maxBytes() > 0) {
      cache.putIfAbsentClean(namespace, key, value);
    }
    recordRead(hit);
    return value;
  }

  private void recordRead(boolean hit) {
    if (Thread.currentThread() != owner) {
      return;
    }
    reads++;
    if (hit) {
      hits++;
    }
    hitRatio.record((double) hits / reads);
  }

  @Override
  public void put(Bytes key, byte[] value) {
    Objects.requireNonNull(key, "key");
    if (cache == null) {
      wrapped().put(key, value);
      return;
    }
    requireOpen();
    cacheWrite(key, value);
  }

  @Override
  public byte[] putIfAbsent(Bytes key, byte[] value) {
    Objects.requireNonNull(key, "key");
    if (cache == null) {
      return wrapped().putIfAbsent(key, value);
    }
    byte[] existing = get(key);
    if (existing == null && value != null) {
      cacheWrite(key, value);
    }
    return existing;
  }

  @Override
  public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
    if (cache == null) {
      wrapped().putAll(entries);
      return;
    }
    requireOpen();
    for (KeyValue<Bytes, byte[]> entry : entries) {
      cacheWrite(Objects.requireNonNull(entry.key(), "key"), entry.value());
    }
  }

  @Override
  public byte[] delete(Bytes key) {
    Objects.requireNonNull(key, "key");
    if (cache == null) {
      return wrapped().delete(key);
    }
    byte[] old = get(key);
    cacheWrite(key, null);
    return old;
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
    KeyValueIterator<Bytes, byte[]> stored = wrapped().range(from, to);
    return cache == null ? stored : merged(cache.range(namespace, from, to), stored, true);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
    KeyValueIterator<Bytes, byte[]> stored = wrapped().reverseRange(from, to);
    return cache == null ? stored : merged(cache.range(namespace, from, to), stored, false);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> all() {
    KeyValueIterator<Bytes, byte[]> stored = wrapped().all();
    return cache == null ? stored : merged(cache.range(namespace, null, null), stored, true);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseAll() {
    KeyValueIterator<Bytes, byte[]> stored = wrapped().reverseAll();
    return cache == null ? stored : merged(cache.range(namespace, null, null), stored, false);
  }

  @Override
  public <P> KeyValueIterator<Bytes, byte[]> prefixScan(
      P prefix, Serializer<P> prefixKeySerializer) {
    KeyValueIterator<Bytes, byte[]> stored = wrapped().prefixScan(prefix, prefixKeySerializer);
    if (cache == null) {
      return stored;
    }
    byte[] raw = prefixKeySerializer.serialize(null, prefix);
    Bytes serialized = Bytes.wrap(raw == null ? new byte[0] : raw);
    return merged(cache.prefix(namespace, serialized), stored, true);
  }

  private KeyValueIterator<Bytes, byte[]> merged(
      List<KeyValue<Bytes, CacheEntry>> cached,
      KeyValueIterator<Bytes, byte[]> stored,
      boolean forward) {
    return new MergedCacheIterator<>(cached, stored, Bytes::compareTo, forward);
  }

  /** The entries of the store below; cached writes not yet flushed are not counted. */
  @Override
  public long approximateNumEntries() {
    return wrapped().approximateNumEntries();
  }

  @Override
  public void flush() {
    if (cache != null && isOpen()) {
      cache.flush(namespace);
    }
    super.flush();
  }

  /**
   * Closes without flushing: unflushed cached writes are dropped. A clean close flushes first (the
   * task commits before it closes); a dirty close must lose them.
   */
  @Override
  public void close() {
    try {
      if (cache != null) {
        cache.close(namespace);
        metrics.close();
      }
    } finally {
      super.close();
    }
  }
}
