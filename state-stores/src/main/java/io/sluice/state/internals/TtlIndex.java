package io.sluice.state.internals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Bytes;

/**
 * The time index of a time-to-live store: its keys ordered by write time (epoch ms), so that the
 * keys written before a cutoff are found without looking at any other key. Owned by the store's
 * stream thread; not thread-safe.
 */
final class TtlIndex {

  private final NavigableMap<Long, NavigableSet<Bytes>> byTime = new TreeMap<>();
  private final Map<Bytes, Long> writeTimes = new HashMap<>();
  private long examined;

  /** Records that {@code key} was last written at {@code writeTime}, replacing its earlier time. */
  void put(Bytes key, long writeTime) {
    remove(key);
    writeTimes.put(key, writeTime);
    byTime.computeIfAbsent(writeTime, t -> new TreeSet<>()).add(key);
  }

  /** Forgets {@code key}; a no-op if it is not indexed. */
  void remove(Bytes key) {
    Long writeTime = writeTimes.remove(key);
    if (writeTime != null) {
      NavigableSet<Bytes> keys = byTime.get(writeTime);
      keys.remove(key);
      if (keys.isEmpty()) {
        byTime.remove(writeTime);
      }
    }
  }

  /**
   * Removes and returns the keys written strictly before {@code cutoff}, oldest first. Visits only
   * those keys.
   */
  List<Bytes> removeWrittenBefore(long cutoff) {
    List<Bytes> expired = new ArrayList<>();
    while (!byTime.isEmpty() && byTime.firstKey() < cutoff) {
      for (Bytes key : byTime.pollFirstEntry().getValue()) {
        writeTimes.remove(key);
        expired.add(key);
        examined++;
      }
    }
    return expired;
  }

  /** How many keys {@link #removeWrittenBefore} has visited in total. */
  long examined() {
    return examined;
  }

  /** The number of keys indexed. */
  int size() {
    return writeTimes.size();
  }

  /** Forgets every key. */
  void clear() {
    byTime.clear();
    writeTimes.clear();
  }
}
