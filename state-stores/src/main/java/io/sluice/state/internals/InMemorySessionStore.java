package io.sluice.state.internals;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.SessionStore;
import io.sluice.state.StateStoreContext;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;

/**
 * Session byte store on nested skip-list maps: session end → key → session start → aggregate, which
 * is the iteration order the session store interface promises.
 *
 * <p>Retention: the store's stream time is the largest session end it has seen; a session is live
 * while {@code end > streamTime - retentionPeriod}. Expired sessions are removed as stream time
 * advances; a put for an expired session is dropped and counted in {@code dropped-records}.
 */
final class InMemorySessionStore extends InMemoryByteStore implements SessionStore<Bytes, byte[]> {

  private final String metricsScope;
  private final long retentionPeriod;
  private final ConcurrentSkipListMap<
          Long, ConcurrentSkipListMap<Bytes, ConcurrentSkipListMap<Long, byte[]>>>
      sessions = new ConcurrentSkipListMap<>();
  private volatile long streamTime = Long.MIN_VALUE;
  private StoreMetrics metrics;
  private Sensor dropped;

  InMemorySessionStore(String name, String metricsScope, long retentionPeriod) {
    super(name);
    this.metricsScope = metricsScope;
    this.retentionPeriod = retentionPeriod;
  }

  @Override
  void onInit(StateStoreContext context) {
    metrics = new StoreMetrics(context.metrics(), context.taskId(), metricsScope, name());
    dropped = metrics.countSensor("dropped-records");
  }

  @Override
  void onClose() {
    sessions.clear();
    streamTime = Long.MIN_VALUE;
    metrics.close();
  }

  @Override
  void restoreBatch(Collection<ConsumerRecord<byte[], byte[]>> records) {
    for (ConsumerRecord<byte[], byte[]> record : records) {
      byte[] k = record.key();
      write(
          SessionKeySchema.key(k),
          SessionKeySchema.start(k),
          SessionKeySchema.end(k),
          record.value());
    }
  }

  @Override
  public void put(Windowed<Bytes> session, byte[] aggregate) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(session.key(), "session key");
    requireOpen();
    write(session.key(), session.window().startMs(), session.window().endMs(), aggregate);
  }

  @Override
  public void remove(Windowed<Bytes> session) {
    put(session, null);
  }

  private void write(Bytes key, long start, long end, byte[] aggregate) {
    long time = Math.max(streamTime, end);
    streamTime = time;
    if (end <= time - retentionPeriod) {
      dropped.record();
      return;
    }
    if (aggregate == null) {
      ConcurrentSkipListMap<Bytes, ConcurrentSkipListMap<Long, byte[]>> byKey = sessions.get(end);
      if (byKey == null) {
        return;
      }
      ConcurrentSkipListMap<Long, byte[]> byStart = byKey.get(key);
      if (byStart == null) {
        return;
      }
      byStart.remove(start);
      if (byStart.isEmpty()) {
        byKey.remove(key, byStart);
        if (byKey.isEmpty()) {
          sessions.remove(end, byKey);
        }
      }
    } else {
      sessions
          .computeIfAbsent(end, e -> new ConcurrentSkipListMap<>())
          .computeIfAbsent(key, k -> new ConcurrentSkipListMap<>())
          .put(start, aggregate);
    }
    sessions.headMap(minLiveEnd(), false).clear();
  }

  private long minLiveEnd() {
    long time = streamTime;
    return time == Long.MIN_VALUE ? Long.MIN_VALUE : time - retentionPeriod + 1;
  }

  @Override
  public byte[] fetchSession(Bytes key, long startMs, long endMs) {
    Objects.requireNonNull(key, "key");
    requireOpen();
    if (endMs < minLiveEnd()) {
      return null;
    }
    Map<Bytes, ConcurrentSkipListMap<Long, byte[]>> byKey = sessions.get(endMs);
    Map<Long, byte[]> byStart = byKey == null ? null : byKey.get(key);
    return byStart == null ? null : byStart.get(startMs);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(
      Bytes key, long earliestSessionEndMs, long latestSessionStartMs) {
    Objects.requireNonNull(key, "key");
    return iterator(find(key, key, earliestSessionEndMs, latestSessionStartMs, true));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(
      Bytes key, long earliestSessionEndMs, long latestSessionStartMs) {
    Objects.requireNonNull(key, "key");
    return iterator(find(key, key, earliestSessionEndMs, latestSessionStartMs, false));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(
      Bytes keyFrom, Bytes keyTo, long earliestSessionEndMs, long latestSessionStartMs) {
    return iterator(find(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs, true));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(
      Bytes keyFrom, Bytes keyTo, long earliestSessionEndMs, long latestSessionStartMs) {
    return iterator(find(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs, false));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
    return findSessions(key, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
    return backwardFindSessions(key, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
    return findSessions(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
    return backwardFindSessions(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  private Iterator<KeyValue<Windowed<Bytes>, byte[]>> find(
      Bytes keyFrom, Bytes keyTo, long earliestEnd, long latestStart, boolean forward) {
    requireOpen();
    if (!KeyRanges.valid(name(), keyFrom, keyTo)) {
      return Collections.emptyIterator();
    }
    NavigableMap<Long, ConcurrentSkipListMap<Bytes, ConcurrentSkipListMap<Long, byte[]>>> ends =
        sessions.tailMap(Math.max(earliestEnd, minLiveEnd()), true);
    if (!forward) {
      ends = ends.descendingMap();
    }
    return new FlatIterator<>(
        ends.entrySet().iterator(),
        byEnd -> {
          NavigableMap<Bytes, ConcurrentSkipListMap<Long, byte[]>> keys =
              KeyRanges.slice(byEnd.getValue(), keyFrom, keyTo);
          return new FlatIterator<>(
              (forward ? keys : keys.descendingMap()).entrySet().iterator(),
              byKey ->
                  sessionsOf(
                      byKey.getKey(), byEnd.getKey(), byKey.getValue(), latestStart, forward));
        });
  }

  private static Iterator<KeyValue<Windowed<Bytes>, byte[]>> sessionsOf(
      Bytes key, long end, NavigableMap<Long, byte[]> byStart, long latestStart, boolean forward) {
    NavigableMap<Long, byte[]> starts = byStart.headMap(latestStart, true);
    Iterator<Map.Entry<Long, byte[]>> it =
        (forward ? starts : starts.descendingMap()).entrySet().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public KeyValue<Windowed<Bytes>, byte[]> next() {
        Map.Entry<Long, byte[]> e = it.next();
        return new KeyValue<>(new Windowed<>(key, new Window(e.getKey(), end)), e.getValue());
      }
    };
  }
}
