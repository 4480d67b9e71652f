package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The storage shared by the RocksDB window and session stores: entries keyed by (record key, time,
 * tie-breaker) in time {@link Segments}, with the same retention rule as the in-memory stores.
 * Stream time is the largest time written; an entry is live while {@code time > streamTime -
 * retention}. A write for an expired time is dropped and counted in {@code dropped-records}; reads
 * never return expired entries, and whole segments are dropped once every time they cover has
 * expired.
 *
 * <p>Reads by one key seek straight to that key's entries in each segment (the hot path of windowed
 * aggregations and joins). Reads over a key range or all keys visit each segment's range, and sort
 * that segment's matches by (time, key, tie-breaker) — the order the store interfaces promise —
 * before returning them, so they buffer one segment's matches at a time.
 */
final class RocksDBSegmentedBytesStore {

  /** One decoded entry. */
  record Entry(Bytes key, long time, long tie, byte[] value) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong(Entry::time).thenComparing(Entry::key).thenComparingLong(Entry::tie);

  private final String name;
  private final String metricsScope;
  private final long retention;
  private final long segmentInterval;
  private final SegmentedKeys keys;
  private final OpenIterators iterators;
  private volatile Segments segments;
  private volatile long streamTime = Long.MIN_VALUE;
  private StoreMetrics metrics;
  private Sensor dropped;

  RocksDBSegmentedBytesStore(
      String name, String metricsScope, long retention, long segmentInterval, int tieBytes) {
    this.name = name;
    this.metricsScope = metricsScope;
    this.retention = retention;
    this.segmentInterval = segmentInterval;
    this.keys = new SegmentedKeys(tieBytes);
    this.iterators = new OpenIterators(name);
  }

  SegmentedKeys keys() {
    return keys;
  }

  /** Opens the segments on disk and recovers stream time from the newest one. */
  void open(StateStoreContext context) {
    if (segments != null) {
      throw new StateStoreException(
          "store " + name + " is already open; init may be called once until the store closes");
    }
    File dir = new File(new File(context.stateDir(), RocksDBKeyValueStore.ROCKSDB_DIR), name);
    Segments opened = new Segments(name, dir, segmentInterval, context.appConfigs());
    opened.openExisting();
    List<KeyValueSegment> existing = opened.all();
    if (!existing.isEmpty()) {
      existing
          .get(existing.size() - 1)
          .scan(
              null,
              (k, v) -> {
                streamTime = Math.max(streamTime, keys.time(k));
                return true;
              });
    }
    opened.dropBefore(minLiveTime());
    metrics = new StoreMetrics(context.metrics(), context.taskId(), metricsScope, name);
    dropped = metrics.countSensor("dropped-records");
    segments = opened;
  }

  /** The largest tie-breaker stored in any segment (recovers sequence numbers on open). */
  long maxTie() {
    long[] max = {0};
    for (KeyValueSegment segment : requireOpen().all()) {
      segment.scan(
          null,
          (k, v) -> {
            max[0] = Math.max(max[0], keys.tie(k));
            return true;
          });
    }
    return max[0];
  }

  boolean isOpen() {
    return segments != null;
  }

  Segments requireOpen() {
    Segments open = segments;
    if (open == null) {
      throw new StateStoreException(
          "store " + name + " is not open (closed, or not initialised yet); it cannot be used");
    }
    return open;
  }

  /** The smallest live time. */
  long minLiveTime() {
    long time = streamTime;
    return time == Long.MIN_VALUE ? Long.MIN_VALUE : time - retention + 1;
  }

  /**
   * Advances stream time to {@code time} and drops expired segments.
   *
   * @return whether an entry at {@code time} is live (otherwise it was counted as dropped)
   */
  private boolean advance(Segments open, long time) {
    streamTime = Math.max(streamTime, time);
    if (time < minLiveTime()) {
      dropped.record();
      return false;
    }
    open.dropBefore(minLiveTime());
    return true;
  }

  /** Writes (or, for a {@code null} value, deletes) one entry, unless it has expired. */
  void put(Bytes key, long time, long tie, byte[] value) {
    Segments open = requireOpen();
    if (!advance(open, time)) {
      return;
    }
    byte[] raw = keys.encode(key, time, tie);
    if (value == null) {
      KeyValueSegment segment = open.get(time);
      if (segment != null) {
        segment.put(raw, null);
      }
    } else {
      open.getOrCreate(time).put(raw, value);
    }
  }

  /** Applies restored entries, one write batch per segment. */
  void restore(Collection<Entry> entries) {
    Segments open = requireOpen();
    Map<Long, List<Entry>> bySegment = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (advance(open, e.time())) {
        bySegment.computeIfAbsent(open.segmentId(e.time()), id -> new ArrayList<>()).add(e);
      }
    }
    long minLiveSegment = open.segmentId(minLiveTime());
    for (Map.Entry<Long, List<Entry>> batchEntries : bySegment.entrySet()) {
      if (batchEntries.getKey() < minLiveSegment) {
        continue;
      }
      KeyValueSegment segment = open.getOrCreate(batchEntries.getValue().get(0).time());
      try (WriteBatch batch = new WriteBatch()) {
        for (Entry e : batchEntries.getValue()) {
          byte[] raw = keys.encode(e.key(), e.time(), e.tie());
          if (e.value() == null) {
            batch.delete(raw);
          } else {
            batch.put(raw, e.value());
          }
        }
        segment.write(batch);
      } catch (RocksDBException ex) {
        throw segment.database().failure("restore", ex);
      }
    }
  }

  /** The value of exactly (key, time, tie), or {@code null}. */
  byte[] get(Bytes key, long time, long tie) {
    Segments open = requireOpen();
    if (time < minLiveTime()) {
      return null;
    }
    KeyValueSegment segment = open.get(time);
    return segment == null ? null : segment.get(keys.encode(key, time, tie));
  }

  /** The value of the first entry of (key, time) by tie-breaker, or {@code null}. */
  byte[] first(Bytes key, long time) {
    Segments open = requireOpen();
    if (time < minLiveTime()) {
      return null;
    }
    KeyValueSegment segment = open.get(time);
    if (segment == null) {
      return null;
    }
    byte[] prefix = SegmentedKeys.keyAndTime(key, time);
    byte[][] found = new byte[1][];
    segment.scan(
        prefix,
        (k, v) -> {
          if (startsWith(k, prefix)) {
            found[0] = v;
          }
          return false;
        });
    return found[0];
  }

  /**
   * The live entries with keys in {@code [keyFrom, keyTo]} ({@code null} = unbounded), times in
   * {@code [timeFrom, timeTo]} and tie-breakers at most {@code maxTie}, in (time, key, tie) order
   * or its reverse, as a tracked iterator mapped by {@code mapper}.
   */
  <K, V> KeyValueIterator<K, V> scan(
      Bytes keyFrom,
      Bytes keyTo,
      long timeFrom,
      long timeTo,
      long maxTie,
      boolean forward,
      Function<Entry, KeyValue<K, V>> mapper) {
    return new TrackedIterator<>(
        name,
        this::isOpen,
        iterators,
        entries(keyFrom, keyTo, timeFrom, timeTo, maxTie, forward, mapper));
  }

  /** Like {@link #scan}, as a plain iterator, for callers that wrap it themselves. */
  <K, V> Iterator<KeyValue<K, V>> entries(
      Bytes keyFrom,
      Bytes keyTo,
      long timeFrom,
      long timeTo,
      long maxTie,
      boolean forward,
      Function<Entry, KeyValue<K, V>> mapper) {
    Segments open = requireOpen();
    long from = Math.max(timeFrom, minLiveTime());
    if (from > timeTo || !KeyRanges.valid(name, keyFrom, keyTo)) {
      return Collections.emptyIterator();
    }
    List<KeyValueSegment> list = open.between(from, timeTo);
    if (!forward) {
      Collections.reverse(list);
    }
    boolean single = keyFrom != null && keyFrom.equals(keyTo);
    return new FlatIterator<>(
        list.iterator(),
        segment -> {
          List<Entry> matches =
              single
                  ? readKey(segment, keyFrom, from, timeTo, maxTie)
                  : readRange(segment, keyFrom, keyTo, from, timeTo, maxTie);
          if (!forward) {
            Collections.reverse(matches);
          }
          return matches.stream().map(mapper).iterator();
        });
  }

  private List<Entry> readKey(
      KeyValueSegment segment, Bytes key, long timeFrom, long timeTo, long maxTie) {
    byte[] prefix = SegmentedKeys.escape(key);
    List<Entry> out = new ArrayList<>();
    segment.scan(
        SegmentedKeys.keyAndTime(key, timeFrom),
        (k, v) -> {
          if (!startsWith(k, prefix)) {
            return false;
          }
          long time = keys.time(k);
          if (time > timeTo) {
            return false;
          }
          long tie = keys.tie(k);
          if (tie <= maxTie) {
            out.add(new Entry(key, time, tie, v));
          }
          return true;
        });
    return out;
  }

  private List<Entry> readRange(
      KeyValueSegment segment,
      Bytes keyFrom,
      Bytes keyTo,
      long timeFrom,
      long timeTo,
      long maxTie) {
    List<Entry> out = new ArrayList<>();
    segment.scan(
        keyFrom == null ? null : SegmentedKeys.escape(keyFrom),
        (k, v) -> {
          Bytes key = keys.key(k);
          if (keyTo != null && key.compareTo(keyTo) > 0) {
            return false;
          }
          long time = keys.time(k);
          long tie = keys.tie(k);
          if (time >= timeFrom && time <= timeTo && tie <= maxTie) {
            out.add(new Entry(key, time, tie, v));
          }
          return true;
        });
    out.sort(ORDER);
    return out;
  }

  private static boolean startsWith(byte[] array, byte[] prefix) {
    return array.length >= prefix.length
        && java.util.Arrays.equals(array, 0, prefix.length, prefix, 0, prefix.length);
  }

  OpenIterators iterators() {
    return iterators;
  }

  void flush() {
    requireOpen().flush();
  }

  void close() {
    Segments open = segments;
    if (open != null) {
      segments = null;
      iterators.closeAll();
      open.close();
      streamTime = Long.MIN_VALUE;
      metrics.close();
    }
  }
}
