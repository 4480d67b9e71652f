package io.sluice.state.internals;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import io.sluice.state.WindowStore;
import io.sluice.state.WindowStoreIterator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;

/**
 * The caching layer of a window byte store without duplicates, between the metered and the
 * changelogging layer. Cache keys are the window start (8 bytes, big-endian) followed by the record
 * key, so they sort as the store does: by start, then by unsigned key. Writes stay in the thread
 * cache until a flush or eviction writes them below and reports them to the {@link
 * CacheFlushListener} under their own record context; reads merge cache and store.
 *
 * <p>Retention follows the store's rule, with this layer's view of stream time (the largest window
 * start put through it, flushed or not): a window is live while {@code start > streamTime -
 * retention}. Reads show live windows only. Dirty entries are written below in the order of their
 * last writes, each live when written, so the store sees them as it would have without the cache
 * (a window that expired meanwhile is stored, then expired by the next write). A put into an
 * expired window first flushes the cache and then goes to the store, which drops and counts it.
 * After a restore, until a put reaches the restored stream time, cached writes of windows the
 * store already considers expired may be read.
 */
final class CachingWindowStore extends WrappedStateStore<WindowStore<Bytes, byte[]>>
    implements WindowStore<Bytes, byte[]>, CachedStateStore<Windowed<Bytes>, byte[]> {

  private static final Comparator<Windowed<Bytes>> ORDER =
      Comparator.comparingLong((Windowed<Bytes> w) -> w.window().startMs())
          .thenComparing(Windowed::key);

  private final String metricsScope;
  private final long retentionPeriod;
  private final long windowSize;
  private InternalStoreContext context;
  private ThreadCache cache;
  private String namespace;
  private Thread owner;
  private StoreMetrics metrics;
  private Sensor hitRatio;
  private long hits;
  private long reads;
  private volatile long streamTime = Long.MIN_VALUE;
  private CacheFlushListener<Windowed<Bytes>, byte[]> listener;
  private boolean sendOldValues;

  CachingWindowStore(
      WindowStore<Bytes, byte[]> inner, String metricsScope, long retentionPeriod, long size) {
    super(inner);
    this.metricsScope = metricsScope;
    this.retentionPeriod = retentionPeriod;
    this.windowSize = size;
  }

  static Bytes cacheKey(Bytes key, long windowStartMs) {
    return Bytes.wrap(
        ByteBuffer.allocate(Long.BYTES + key.get().length)
            .putLong(windowStartMs)
            .put(key.get())
            .array());
  }

  private static long startOf(Bytes cacheKey) {
    return ByteBuffer.wrap(cacheKey.get()).getLong();
  }

  private static Bytes keyOf(Bytes cacheKey) {
    byte[] raw = cacheKey.get();
    return Bytes.wrap(Arrays.copyOfRange(raw, Long.BYTES, raw.length));
  }

  private Windowed<Bytes> windowed(Bytes key, long start) {
    long end = start > Long.MAX_VALUE - windowSize ? Long.MAX_VALUE : start + windowSize;
    return new Windowed<>(key, new Window(start, end));
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
  public boolean setFlushListener(
      CacheFlushListener<Windowed<Bytes>, byte[]> listener, boolean sendOld) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.sendOldValues = sendOld;
    if (context == null) {
      throw new IllegalStateException("Store " + name() + " must be initialised before a flush"
          + " listener is set: whether it caches depends on the task's thread cache");
    }
    // Without a thread cache every write passes straight through and is never reported.
    return cache != null;
  }

  /** The smallest live window start, or {@link Long#MIN_VALUE} before any put. */
  private long minLiveStart() {
    long time = streamTime;
    return time == Long.MIN_VALUE ? Long.MIN_VALUE : time - retentionPeriod + 1;
  }

  private void writeDown(List<DirtyEntry> entries) {
    ProcessorRecordContext previous = context.recordContext();
    List<byte[]> olds = new ArrayList<>(entries.size());
    try {
      for (DirtyEntry entry : entries) {
        long start = startOf(entry.key());
        Bytes key = keyOf(entry.key());
        olds.add(listener == null ? null : wrapped().fetch(key, start));
        context.setRecordContext(entry.context());
        wrapped().put(key, entry.value(), start);
      }
      if (listener != null) {
        for (int i = 0; i < entries.size(); i++) {
          DirtyEntry entry = entries.get(i);
          byte[] old = olds.get(i);
          if (entry.value() != null || old != null) {
            context.setRecordContext(entry.context());
            listener.apply(
                windowed(keyOf(entry.key()), startOf(entry.key())),
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

  @Override
  public void put(Bytes key, byte[] value, long windowStartMs) {
    Objects.requireNonNull(key, "key");
    if (cache == null || windowStartMs < 0) {
      wrapped().put(key, value, windowStartMs);
      return;
    }
    requireOpen();
    streamTime = Math.max(streamTime, windowStartMs);
    if (windowStartMs < minLiveStart()) {
      cache.flush(namespace);
      wrapped().put(key, value, windowStartMs);
      return;
    }
    cache.put(
        namespace,
        cacheKey(key, windowStartMs),
        new CacheEntry(value, true, context.recordContext()));
  }

  @Override
  public byte[] fetch(Bytes key, long windowStartMs) {
    Objects.requireNonNull(key, "key");
    if (cache == null) {
      return wrapped().fetch(key, windowStartMs);
    }
    requireOpen();
    if (windowStartMs < minLiveStart()) {
      return null;
    }
    CacheEntry entry = cache.get(namespace, cacheKey(key, windowStartMs));
    if (Thread.currentThread() == owner) {
      reads++;
      hits += entry == null ? 0 : 1;
      hitRatio.record((double) hits / reads);
    }
    return entry != null ? entry.value() : wrapped().fetch(key, windowStartMs);
  }

  @Override
  public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFromMs, long timeToMs) {
    return startIterator(key, timeFromMs, timeToMs, true);
  }

  @Override
  public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFromMs, long timeToMs) {
    return startIterator(key, timeFromMs, timeToMs, false);
  }

  private WindowStoreIterator<byte[]> startIterator(
      Bytes key, long timeFromMs, long timeToMs, boolean forward) {
    Objects.requireNonNull(key, "key");
    long from = Math.max(timeFromMs, minLiveStart());
    WindowStoreIterator<byte[]> stored =
        forward
            ? wrapped().fetch(key, from, timeToMs)
            : wrapped().backwardFetch(key, from, timeToMs);
    if (cache == null) {
      return stored;
    }
    List<KeyValue<Long, CacheEntry>> cached =
        cachedWindows(key, key, from, timeToMs, CachingWindowStore::startOf);
    return new StartIterator(cached, stored, forward);
  }

  /** Merges cached and stored windows of one key, by window start. */
  private static final class StartIterator extends MergedCacheIterator<Long>
      implements WindowStoreIterator<byte[]> {
    StartIterator(
        List<KeyValue<Long, CacheEntry>> cached,
        WindowStoreIterator<byte[]> stored,
        boolean forward) {
      super(cached, stored, Comparator.naturalOrder(), forward);
    }
  }

  /**
   * The cached entries of keys in {@code [keyFrom, keyTo]} (null = unbounded) and window starts in
   * {@code [from, to]}, ascending, with keys made by {@code keyMaker} from the cache key.
   */
  private <K> List<KeyValue<K, CacheEntry>> cachedWindows(
      Bytes keyFrom, Bytes keyTo, long from, long to, Function<Bytes, K> keyMaker) {
    List<KeyValue<K, CacheEntry>> out = new ArrayList<>();
    long lower = Math.max(from, 0L);
    if (lower > to) {
      return out;
    }
    Bytes upper = to == Long.MAX_VALUE ? null : cacheKey(Bytes.wrap(new byte[0]), to + 1);
    for (KeyValue<Bytes, CacheEntry> kv :
        cache.range(namespace, cacheKey(Bytes.wrap(new byte[0]), lower), upper)) {
      long start = startOf(kv.key());
      Bytes key = keyOf(kv.key());
      if (start <= to
          && (keyFrom == null || key.compareTo(keyFrom) >= 0)
          && (keyTo == null || key.compareTo(keyTo) <= 0)) {
        out.add(new KeyValue<>(keyMaker.apply(kv.key()), kv.value()));
      }
    }
    return out;
  }

  private KeyValueIterator<Windowed<Bytes>, byte[]> windowedIterator(
      Bytes keyFrom, Bytes keyTo, long timeFromMs, long timeToMs, boolean forward) {
    long from = Math.max(timeFromMs, minLiveStart());
    KeyValueIterator<Windowed<Bytes>, byte[]> stored;
    if (keyFrom == null && keyTo == null) {
      stored =
          forward
              ? wrapped().fetchAll(from, timeToMs)
              : wrapped().backwardFetchAll(from, timeToMs);
    } else {
      stored =
          forward
              ? wrapped().fetch(keyFrom, keyTo, from, timeToMs)
              : wrapped().backwardFetch(keyFrom, keyTo, from, timeToMs);
    }
    List<KeyValue<Windowed<Bytes>, CacheEntry>> cached =
        cachedWindows(
            keyFrom,
            keyTo,
            from,
            timeToMs,
            cacheKey -> windowed(keyOf(cacheKey), startOf(cacheKey)));
    return new MergedCacheIterator<>(cached, stored, ORDER, forward);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(
      Bytes keyFrom, Bytes keyTo, long timeFromMs, long timeToMs) {
    if (cache == null) {
      return wrapped().fetch(keyFrom, keyTo, timeFromMs, timeToMs);
    }
    return windowedIterator(keyFrom, keyTo, timeFromMs, timeToMs, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(
      Bytes keyFrom, Bytes keyTo, long timeFromMs, long timeToMs) {
    if (cache == null) {
      return wrapped().backwardFetch(keyFrom, keyTo, timeFromMs, timeToMs);
    }
    return windowedIterator(keyFrom, keyTo, timeFromMs, timeToMs, false);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFromMs, long timeToMs) {
    if (cache == null) {
      return wrapped().fetchAll(timeFromMs, timeToMs);
    }
    return windowedIterator(null, null, timeFromMs, timeToMs, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(
      long timeFromMs, long timeToMs) {
    if (cache == null) {
      return wrapped().backwardFetchAll(timeFromMs, timeToMs);
    }
    return windowedIterator(null, null, timeFromMs, timeToMs, false);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
    if (cache == null) {
      return wrapped().all();
    }
    return windowedIterator(null, null, Long.MIN_VALUE, Long.MAX_VALUE, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
    if (cache == null) {
      return wrapped().backwardAll();
    }
    return windowedIterator(null, null, Long.MIN_VALUE, Long.MAX_VALUE, false);
  }

  @Override
  public void flush() {
    if (cache != null && isOpen()) {
      cache.flush(namespace);
    }
    super.flush();
  }

  /** Closes without flushing: unflushed cached writes are dropped (see the key-value twin). */
  @Override
  public void close() {
    try {
      if (cache != null) {
        cache.close(namespace);
        metrics.close();
      }
    } finally {
      streamTime = Long.MIN_VALUE;
      super.close();
    }
  }
}
