package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;

/**
 * What the caching layers of every store type share: the task's {@link ThreadCache} namespace, the
 * owning thread, the {@code hit-ratio} sensor, the {@link CacheFlushListener}, and the write-down
 * of flushed dirty entries. A subclass says how a cache key becomes the listener's key ({@link
 * #decode}), and how to read ({@link #readBelow}) and write ({@link #writeBelow}) it in the store
 * below.
 *
 * <p>Without a thread cache in the context, {@link #caching()} is {@code false} and the subclass
 * passes everything through. Only the owning thread's reads count toward the hit ratio.
 *
 * @param <S> the wrapped store type
 * @param <K> the key type the flush listener receives
 */
abstract class CachingStore<S extends StateStore, K> extends WrappedStateStore<S>
    implements CachedStateStore<K, byte[]> {

  private final String metricsScope;
  private InternalStoreContext context;
  private ThreadCache cache;
  private String namespace;
  private Thread owner;
  private StoreMetrics metrics;
  private Sensor hitRatio;
  private long hits;
  private long reads;
  private CacheFlushListener<K, byte[]> listener;
  private boolean sendOldValues;

  CachingStore(S inner, String metricsScope) {
    super(inner);
    this.metricsScope = metricsScope;
  }

  /** The listener's key for a cache key; {@link #readBelow} and {@link #writeBelow} take it too. */
  abstract K decode(Bytes cacheKey);

  /** The value the store below holds for {@code key}, or {@code null}. */
  abstract byte[] readBelow(K key);

  /** Writes {@code value} ({@code null} = delete) for {@code key} to the store below. */
  abstract void writeBelow(K key, byte[] value);

  /** Resets the subclass's own state as the store closes, even if closing the cache fails. */
  void resetOnClose() {}

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
  public boolean setFlushListener(CacheFlushListener<K, byte[]> listener, boolean sendOld) {
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
    List<K> keys = new ArrayList<>(entries.size());
    List<byte[]> olds = new ArrayList<>(entries.size());
    try {
      for (DirtyEntry entry : entries) {
        K key = decode(entry.key());
        keys.add(key);
        olds.add(listener == null ? null : readBelow(key));
        context.setRecordContext(entry.context());
        writeBelow(key, entry.value());
      }
      if (listener != null) {
        for (int i = 0; i < entries.size(); i++) {
          DirtyEntry entry = entries.get(i);
          byte[] old = olds.get(i);
          if (entry.value() != null || old != null) {
            context.setRecordContext(entry.context());
            listener.apply(
                keys.get(i),
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

  /** Whether a thread cache backs this store (known after init). */
  final boolean caching() {
    return cache != null;
  }

  /** Whether the calling thread is the one that initialised the store. */
  final boolean onOwnerThread() {
    return Thread.currentThread() == owner;
  }

  /**
   * Fails unless the store was initialised and is open.
   *
   * @throws StateStoreException naming the store, if it is not open
   */
  final void requireOpen() {
    if (context == null || !isOpen()) {
      throw new StateStoreException(
          "store " + name() + " is not open; the task initialises it before use");
    }
  }

  /** Caches a dirty write of {@code value} ({@code null} = delete) under the current context. */
  final void cacheWrite(Bytes cacheKey, byte[] value) {
    cache.put(namespace, cacheKey, new CacheEntry(value, true, context.recordContext()));
  }

  /** The cached entry of {@code cacheKey}, or {@code null}. */
  final CacheEntry cached(Bytes cacheKey) {
    return cache.get(namespace, cacheKey);
  }

  /** Caches a value read from below as clean, if the owning thread reads and the cache has room. */
  final void cacheRead(Bytes cacheKey, byte[] value) {
    if (onOwnerThread() && cache.maxBytes() > 0) {
      cache.putIfAbsentClean(namespace, cacheKey, value);
    }
  }

  /** A snapshot of the cached entries between the bounds (see {@link ThreadCache}), ascending. */
  final List<KeyValue<Bytes, CacheEntry>> cachedRange(Bytes from, Bytes to) {
    return cache.range(namespace, from, to);
  }

  /** A snapshot of the cached entries whose keys start with {@code prefix}, ascending. */
  final List<KeyValue<Bytes, CacheEntry>> cachedPrefix(Bytes prefix) {
    return cache.prefix(namespace, prefix);
  }

  /** Writes this store's dirty entries below and reports them. */
  @Override
  public final void flushCache() {
    if (cache != null && isOpen()) {
      cache.flush(namespace);
    }
    super.flushCache();
  }

  /** Records a read in the hit ratio, if the owning thread made it. */
  final void recordRead(boolean hit) {
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
      resetOnClose();
      super.close();
    }
  }
}
