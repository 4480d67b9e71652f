package io.sluice.state.internals;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.SessionStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;

/**
 * The caching layer of a session byte store, between the metered and the changelogging layer.
 * Cache keys are the session end and start (8 bytes each, sign bit flipped so unsigned byte order
 * is numeric order) followed by the record key; reads sort the cached sessions in the store's order
 * (end, then unsigned key, then start) and merge them with the store's. Writes stay in the thread
 * cache until a flush or eviction writes them below and reports them to the {@link
 * CacheFlushListener} under their own record context.
 *
 * <p>Retention follows the store's rule with this layer's view of stream time (the largest session
 * end put through it): a session is live while {@code end > streamTime - retention}; reads show
 * live sessions only, and a put of an expired session flushes the cache, then goes to the store,
 * which drops and counts it. Dirty entries are written below in the order of their last writes, so
 * the store sees what it would have without the cache, one write per session.
 */
final class CachingSessionStore
    extends CachingStore<SessionStore<Bytes, byte[]>, Windowed<Bytes>>
    implements SessionStore<Bytes, byte[]> {

  private static final Comparator<Windowed<Bytes>> ORDER =
      Comparator.comparingLong((Windowed<Bytes> w) -> w.window().endMs())
          .thenComparing(Windowed::key)
          .thenComparingLong(w -> w.window().startMs());
  private static final int PREFIX = 2 * Long.BYTES;

  private final long retentionPeriod;
  private volatile long streamTime = Long.MIN_VALUE;

  CachingSessionStore(SessionStore<Bytes, byte[]> inner, String metricsScope, long retention) {
    super(inner, metricsScope);
    this.retentionPeriod = retention;
  }

  static Bytes cacheKey(Bytes key, long startMs, long endMs) {
    return Bytes.wrap(
        ByteBuffer.allocate(PREFIX + key.get().length)
            .putLong(endMs ^ Long.MIN_VALUE)
            .putLong(startMs ^ Long.MIN_VALUE)
            .put(key.get())
            .array());
  }

  private static Windowed<Bytes> session(Bytes cacheKey) {
    ByteBuffer buffer = ByteBuffer.wrap(cacheKey.get());
    long end = buffer.getLong() ^ Long.MIN_VALUE;
    long start = buffer.getLong() ^ Long.MIN_VALUE;
    byte[] raw = cacheKey.get();
    return new Windowed<>(
        Bytes.wrap(Arrays.copyOfRange(raw, PREFIX, raw.length)), new Window(start, end));
  }

  @Override
  Windowed<Bytes> decode(Bytes cacheKey) {
    return session(cacheKey);
  }

  @Override
  byte[] readBelow(Windowed<Bytes> session) {
    return wrapped()
        .fetchSession(session.key(), session.window().startMs(), session.window().endMs());
  }

  @Override
  void writeBelow(Windowed<Bytes> session, byte[] value) {
    wrapped().put(session, value);
  }

  /** The smallest live session end, or {@link Long#MIN_VALUE} before any put. */
  private long minLiveEnd() {
    long time = streamTime;
    return time == Long.MIN_VALUE ? Long.MIN_VALUE : time - retentionPeriod + 1;
  }

  @Override
  public void put(Windowed<Bytes> session, byte[] aggregate) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(session.key(), "session key");
    if (!caching()) {
      wrapped().put(session, aggregate);
      return;
    }
    requireOpen();
    long end = session.window().endMs();
    streamTime = Math.max(streamTime, end);
    if (end < minLiveEnd()) {
      flushCache();
      wrapped().put(session, aggregate);
      return;
    }
    cacheWrite(cacheKey(session.key(), session.window().startMs(), end), aggregate);
  }

  @Override
  public void remove(Windowed<Bytes> session) {
    put(session, null);
  }

  @Override
  public byte[] fetchSession(Bytes key, long startMs, long endMs) {
    Objects.requireNonNull(key, "key");
    if (!caching()) {
      return wrapped().fetchSession(key, startMs, endMs);
    }
    requireOpen();
    if (endMs < minLiveEnd()) {
      return null;
    }
    CacheEntry entry = cached(cacheKey(key, startMs, endMs));
    recordRead(entry != null);
    return entry != null ? entry.value() : wrapped().fetchSession(key, startMs, endMs);
  }

  /**
   * Cached and stored sessions of keys in {@code [keyFrom, keyTo]} (null = unbounded) ending at or
   * after {@code earliestEnd} and starting at or before {@code latestStart}.
   */
  private KeyValueIterator<Windowed<Bytes>, byte[]> find(
      Bytes keyFrom,
      Bytes keyTo,
      boolean singleKey,
      long earliestEnd,
      long latestStart,
      boolean forward) {
    long from = Math.max(earliestEnd, minLiveEnd());
    KeyValueIterator<Windowed<Bytes>, byte[]> stored;
    if (singleKey) {
      stored =
          forward
              ? wrapped().findSessions(keyFrom, from, latestStart)
              : wrapped().backwardFindSessions(keyFrom, from, latestStart);
    } else {
      stored =
          forward
              ? wrapped().findSessions(keyFrom, keyTo, from, latestStart)
              : wrapped().backwardFindSessions(keyFrom, keyTo, from, latestStart);
    }
    if (!caching()) {
      return stored;
    }
    List<KeyValue<Windowed<Bytes>, CacheEntry>> cached = new ArrayList<>();
    Bytes lower = cacheKey(Bytes.wrap(new byte[0]), Long.MIN_VALUE, from);
    for (KeyValue<Bytes, CacheEntry> kv : cachedRange(lower, null)) {
      Windowed<Bytes> session = session(kv.key());
      Bytes key = session.key();
      if (session.window().startMs() <= latestStart
          && (keyFrom == null || key.compareTo(keyFrom) >= 0)
          && (keyTo == null || key.compareTo(keyTo) <= 0)) {
        cached.add(new KeyValue<>(session, kv.value()));
      }
    }
    cached.sort(Comparator.comparing(KeyValue::key, ORDER));
    return new MergedCacheIterator<>(cached, stored, ORDER, forward);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(
      Bytes key, long earliestSessionEndMs, long latestSessionStartMs) {
    return find(key, key, true, earliestSessionEndMs, latestSessionStartMs, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(
      Bytes key, long earliestSessionEndMs, long latestSessionStartMs) {
    return find(key, key, true, earliestSessionEndMs, latestSessionStartMs, false);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(
      Bytes keyFrom, Bytes keyTo, long earliestSessionEndMs, long latestSessionStartMs) {
    return find(keyFrom, keyTo, false, earliestSessionEndMs, latestSessionStartMs, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(
      Bytes keyFrom, Bytes keyTo, long earliestSessionEndMs, long latestSessionStartMs) {
    return find(keyFrom, keyTo, false, earliestSessionEndMs, latestSessionStartMs, false);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
    return find(key, key, true, Long.MIN_VALUE, Long.MAX_VALUE, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
    return find(key, key, true, Long.MIN_VALUE, Long.MAX_VALUE, false);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
    return find(keyFrom, keyTo, false, Long.MIN_VALUE, Long.MAX_VALUE, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
    return find(keyFrom, keyTo, false, Long.MIN_VALUE, Long.MAX_VALUE, false);
  }

  @Override
  void resetOnClose() {
    streamTime = Long.MIN_VALUE;
  }
}
