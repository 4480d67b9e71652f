package io.sluice.state.internals;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.WindowStore;
import io.sluice.state.WindowStoreIterator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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
final class CachingWindowStore extends CachingStore<WindowStore<Bytes, byte[]>, Windowed<Bytes>>
    implements WindowStore<Bytes, byte[]> {

  private static final Comparator<Windowed<Bytes>> ORDER =
      Comparator.comparingLong((Windowed<Bytes> w) -> w.window().startMs())
          .thenComparing(Windowed::key);

  private final long retentionPeriod;
  private final long windowSize;
  private volatile long streamTime = Long.MIN_VALUE;

  CachingWindowStore(
      WindowStore<Bytes, byte[]> inner, String metricsScope, long retentionPeriod, long size) {
    super(inner, metricsScope);
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
  Windowed<Bytes> decode(Bytes cacheKey) {
    return windowed(keyOf(cacheKey), startOf(cacheKey));
  }

  @Override
  byte[] readBelow(Windowed<Bytes> window) {
    return wrapped().fetch(window.key(), window.window().startMs());
  }

  @Override
  void writeBelow(Windowed<Bytes> window, byte[] value) {
    wrapped().put(window.key(), value, window.window().startMs());
  }

  /** The smallest live window start, or {@link Long#MIN_VALUE} before any put. */
  private long minLiveStart() {
    long time = streamTime;
    return time == Long.MIN_VALUE ? Long.MIN_VALUE : time - retentionPeriod + 1;
  }

  @Override
  public void put(Bytes key, byte[] value, long windowStartMs) {
    Objects.requireNonNull(key, "key");
    if (!caching() || windowStartMs < 0) {
      wrapped().put(key, value, windowStartMs);
      return;
    }
    requireOpen();
    streamTime = Math.max(streamTime, windowStartMs);
    if (windowStartMs < minLiveStart()) {
      flushCache();
      wrapped().put(key, value, windowStartMs);
      return;
    }
    cacheWrite(cacheKey(key, windowStartMs), value);
  }

  @Override
  public byte[] fetch(Bytes key, long windowStartMs) {
    Objects.requireNonNull(key, "key");
    if (!caching()) {
      return wrapped().fetch(key, windowStartMs);
    }
    requireOpen();
    if (windowStartMs < minLiveStart()) {
      return null;
    }
    CacheEntry entry = cached(cacheKey(key, windowStartMs));
    recordRead(entry != null);
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
    if (!caching()) {
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
        cachedRange(cacheKey(Bytes.wrap(new byte[0]), lower), upper)) {
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
    if (!caching()) {
      return wrapped().fetch(keyFrom, keyTo, timeFromMs, timeToMs);
    }
    return windowedIterator(keyFrom, keyTo, timeFromMs, timeToMs, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(
      Bytes keyFrom, Bytes keyTo, long timeFromMs, long timeToMs) {
    if (!caching()) {
      return wrapped().backwardFetch(keyFrom, keyTo, timeFromMs, timeToMs);
    }
    return windowedIterator(keyFrom, keyTo, timeFromMs, timeToMs, false);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFromMs, long timeToMs) {
    if (!caching()) {
      return wrapped().fetchAll(timeFromMs, timeToMs);
    }
    return windowedIterator(null, null, timeFromMs, timeToMs, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(
      long timeFromMs, long timeToMs) {
    if (!caching()) {
      return wrapped().backwardFetchAll(timeFromMs, timeToMs);
    }
    return windowedIterator(null, null, timeFromMs, timeToMs, false);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
    if (!caching()) {
      return wrapped().all();
    }
    return windowedIterator(null, null, Long.MIN_VALUE, Long.MAX_VALUE, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
    if (!caching()) {
      return wrapped().backwardAll();
    }
    return windowedIterator(null, null, Long.MIN_VALUE, Long.MAX_VALUE, false);
  }

  @Override
  void resetOnClose() {
    streamTime = Long.MIN_VALUE;
  }
}
