package io.sluice.state.internals;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The time segments of one window or session store, each a separate RocksDB instance in {@code
 * <store dir>/segment-<id>}; segment id = {@code floorDiv(time, segmentInterval)}.
 *
 * <p>Why one instance per segment rather than one column family per segment in a shared instance:
 * dropping an expired segment is then closing an instance and deleting a directory, which frees its
 * disk space at once and needs no coordination with the other segments; instances share nothing
 * that matters (the WAL is off, and memory is bounded across all of them by the shared cache and
 * write buffer manager of {@link RocksDBMemory}). The cost — a few more open files and background
 * threads per live segment — stays small because only {@code retention / interval + 2} segments are
 * ever live.
 */
final class Segments {

  private static final String PREFIX = "segment-";

  private final String storeName;
  private final File dir;
  private final long interval;
  private final Map<String, Object> configs;
  private final ConcurrentSkipListMap<Long, KeyValueSegment> segments =
      new ConcurrentSkipListMap<>();

  Segments(String storeName, File dir, long interval, Map<String, Object> configs) {
    if (interval <= 0) {
      throw new IllegalArgumentException(
          "segment interval of store " + storeName + " must be positive but was " + interval);
    }
    this.storeName = storeName;
    this.dir = dir;
    this.interval = interval;
    this.configs = configs;
  }

  long segmentId(long time) {
    return Math.floorDiv(time, interval);
  }

  /** Opens the segments already on disk (after a restart). */
  void openExisting() {
    File[] children = dir.listFiles();
    if (children == null) {
      return;
    }
    for (File child : children) {
      String n = child.getName();
      if (child.isDirectory() && n.startsWith(PREFIX)) {
        try {
          long id = Long.parseLong(n.substring(PREFIX.length()));
          segments.put(id, open(id));
        } catch (NumberFormatException e) {
          // Not a segment directory: leave it alone.
        }
      }
    }
  }

  private KeyValueSegment open(long id) {
    RocksDBDatabase db =
        RocksDBDatabase.open(
            storeName, storeName + " (segment " + id + ")", new File(dir, PREFIX + id), configs);
    return new KeyValueSegment(id, db);
  }

  /** The segment of {@code time}, opened if it does not exist yet. */
  KeyValueSegment getOrCreate(long time) {
    return segments.computeIfAbsent(segmentId(time), this::open);
  }

  /** The segment of {@code time}, or {@code null} if there is none. */
  KeyValueSegment get(long time) {
    return segments.get(segmentId(time));
  }

  /** The existing segments that may hold times in {@code [fromTime, toTime]}, oldest first. */
  List<KeyValueSegment> between(long fromTime, long toTime) {
    if (fromTime > toTime) {
      return List.of();
    }
    return new ArrayList<>(
        segments.subMap(segmentId(fromTime), true, segmentId(toTime), true).values());
  }

  /** Every segment, oldest first. */
  List<KeyValueSegment> all() {
    return new ArrayList<>(segments.values());
  }

  /** Drops (closes and deletes) every segment all of whose times are below {@code minLiveTime}. */
  void dropBefore(long minLiveTime) {
    Map<Long, KeyValueSegment> expired = segments.headMap(segmentId(minLiveTime), false);
    for (KeyValueSegment segment : new ArrayList<>(expired.values())) {
      segments.remove(segment.id(), segment);
      segment.destroy();
    }
  }

  void flush() {
    segments.values().forEach(KeyValueSegment::flush);
  }

  void close() {
    segments.values().forEach(KeyValueSegment::close);
    segments.clear();
  }
}
