package io.sluice.state.internals;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.StateStoreContext;
import io.sluice.state.WindowStore;
import io.sluice.state.WindowStoreIterator;
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
 * Window byte store on nested skip-list maps: window start → (key, sequence number) → value.
 *
 * <p>Retention: the store's stream time is the largest window start it has seen; a window is live
 * while {@code start > streamTime - retentionPeriod}. Expired windows are removed as stream time
 * advances, and a put for an expired window is dropped and counted in {@code dropped-records}.
 * Without duplicates every entry has sequence number 0; with them each put gets the next number, so
 * entries of one key and window keep their insertion order.
 */
final class InMemoryWindowStore extends InMemoryByteStore
    implements WindowStore<Bytes, byte[]>, SequencedWindowStore {

  private final String metricsScope;
  private final long retentionPeriod;
  private final long windowSize;
  private final boolean retainDuplicates;
  private final ConcurrentSkipListMap<Long, ConcurrentSkipListMap<SeqKey, byte[]>> windows =
      new ConcurrentSkipListMap<>();
  private volatile long streamTime = Long.MIN_VALUE;
  private int seqnum;
  private StoreMetrics metrics;
  private Sensor dropped;

  InMemoryWindowStore(
      String name,
      String metricsScope,
      long retentionPeriod,
      long windowSize,
      boolean retainDuplicates) {
    super(name);
    this.metricsScope = metricsScope;
    this.retentionPeriod = retentionPeriod;
    this.windowSize = windowSize;
    this.retainDuplicates = retainDuplicates;
  }

  /** A record key and its sequence number, ordered by unsigned key bytes, then sequence. */
  private record SeqKey(Bytes key, int seq) implements Comparable<SeqKey> {
    @Override
    public int compareTo(SeqKey o) {
      int c = key.compareTo(o.key);
      return c != 0 ? c : Integer.compare(seq, o.seq);
    }
  }

  @Override
  void onInit(StateStoreContext context) {
    metrics = new StoreMetrics(context.metrics(), context.taskId(), metricsScope, name());
    dropped = metrics.countSensor("dropped-records");
  }

  @Override
  void onClose() {
    windows.clear();
    streamTime = Long.MIN_VALUE;
    seqnum = 0;
    metrics.close();
  }

  @Override
  void restoreBatch(Collection<ConsumerRecord<byte[], byte[]>> records) {
    for (ConsumerRecord<byte[], byte[]> record : records) {
      byte[] storeKey = record.key();
      int seq = WindowKeySchema.seq(storeKey);
      seqnum = Math.max(seqnum, seq);
      write(
          WindowKeySchema.key(storeKey),
          WindowKeySchema.windowStart(storeKey),
          seq,
          record.value());
    }
  }

  @Override
  public void put(Bytes key, byte[] value, long windowStartMs) {
    Objects.requireNonNull(key, "key");
    requireOpen();
    if (windowStartMs < 0) {
      throw new IllegalArgumentException(
          "window start must be >= 0 but was " + windowStartMs + " (store " + name() + ")");
    }
    if (retainDuplicates && value == null) {
      return;
    }
    if (retainDuplicates) {
      seqnum = SequencedWindowStore.next(seqnum);
    }
    write(key, windowStartMs, retainDuplicates ? seqnum : 0, value);
  }

  private void write(Bytes key, long windowStartMs, int seq, byte[] value) {
    long time = Math.max(streamTime, windowStartMs);
    streamTime = time;
    if (windowStartMs <= time - retentionPeriod) {
      dropped.record();
      return;
    }
    SeqKey seqKey = new SeqKey(key, seq);
    if (value == null) {
      ConcurrentSkipListMap<SeqKey, byte[]> window = windows.get(windowStartMs);
      if (window != null) {
        window.remove(seqKey);
        if (window.isEmpty()) {
          windows.remove(windowStartMs, window);
        }
      }
    } else {
      windows.computeIfAbsent(windowStartMs, s -> new ConcurrentSkipListMap<>()).put(seqKey, value);
    }
    windows.headMap(minLiveStart(), false).clear();
  }

  private long minLiveStart() {
    long time = streamTime;
    return time == Long.MIN_VALUE ? Long.MIN_VALUE : time - retentionPeriod + 1;
  }

  @Override
  public int lastPutSequence() {
    return seqnum;
  }

  @Override
  public byte[] fetch(Bytes key, long windowStartMs) {
    Objects.requireNonNull(key, "key");
    requireOpen();
    if (windowStartMs < minLiveStart()) {
      return null;
    }
    ConcurrentSkipListMap<SeqKey, byte[]> window = windows.get(windowStartMs);
    if (window == null) {
      return null;
    }
    Map.Entry<SeqKey, byte[]> first = window.ceilingEntry(new SeqKey(key, Integer.MIN_VALUE));
    return first != null && first.getKey().key().equals(key) ? first.getValue() : null;
  }

  @Override
  public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFromMs, long timeToMs) {
    Objects.requireNonNull(key, "key");
    return startIterator(scan(key, key, timeFromMs, timeToMs, true));
  }

  @Override
  public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFromMs, long timeToMs) {
    Objects.requireNonNull(key, "key");
    return startIterator(scan(key, key, timeFromMs, timeToMs, false));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(
      Bytes keyFrom, Bytes keyTo, long timeFromMs, long timeToMs) {
    return iterator(scan(keyFrom, keyTo, timeFromMs, timeToMs, true));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(
      Bytes keyFrom, Bytes keyTo, long timeFromMs, long timeToMs) {
    return iterator(scan(keyFrom, keyTo, timeFromMs, timeToMs, false));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFromMs, long timeToMs) {
    return iterator(scan(null, null, timeFromMs, timeToMs, true));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(
      long timeFromMs, long timeToMs) {
    return iterator(scan(null, null, timeFromMs, timeToMs, false));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
    return iterator(scan(null, null, Long.MIN_VALUE, Long.MAX_VALUE, true));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
    return iterator(scan(null, null, Long.MIN_VALUE, Long.MAX_VALUE, false));
  }

  private WindowStoreIterator<byte[]> startIterator(
      Iterator<KeyValue<Windowed<Bytes>, byte[]>> source) {
    Iterator<KeyValue<Long, byte[]>> starts =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return source.hasNext();
          }

          @Override
          public KeyValue<Long, byte[]> next() {
            KeyValue<Windowed<Bytes>, byte[]> next = source.next();
            return new KeyValue<>(next.key().window().startMs(), next.value());
          }
        };
    return windowIterator(starts);
  }

  private Iterator<KeyValue<Windowed<Bytes>, byte[]>> scan(
      Bytes keyFrom, Bytes keyTo, long timeFromMs, long timeToMs, boolean forward) {
    requireOpen();
    long from = Math.max(timeFromMs, minLiveStart());
    if (from > timeToMs || !KeyRanges.valid(name(), keyFrom, keyTo)) {
      return Collections.emptyIterator();
    }
    NavigableMap<Long, ConcurrentSkipListMap<SeqKey, byte[]>> slice =
        windows.subMap(from, true, timeToMs, true);
    if (!forward) {
      slice = slice.descendingMap();
    }
    return new FlatIterator<>(
        slice.entrySet().iterator(),
        window -> windowEntries(window.getKey(), window.getValue(), keyFrom, keyTo, forward));
  }

  private Iterator<KeyValue<Windowed<Bytes>, byte[]>> windowEntries(
      long start,
      NavigableMap<SeqKey, byte[]> window,
      Bytes keyFrom,
      Bytes keyTo,
      boolean forward) {
    NavigableMap<SeqKey, byte[]> keys = window;
    if (keyFrom != null) {
      keys = keys.tailMap(new SeqKey(keyFrom, Integer.MIN_VALUE), true);
    }
    if (keyTo != null) {
      keys = keys.headMap(new SeqKey(keyTo, Integer.MAX_VALUE), true);
    }
    Iterator<Map.Entry<SeqKey, byte[]>> it =
        (forward ? keys : keys.descendingMap()).entrySet().iterator();
    Window bounds =
        new Window(
            start, start > Long.MAX_VALUE - windowSize ? Long.MAX_VALUE : start + windowSize);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public KeyValue<Windowed<Bytes>, byte[]> next() {
        Map.Entry<SeqKey, byte[]> e = it.next();
        return new KeyValue<>(new Windowed<>(e.getKey().key(), bounds), e.getValue());
      }
    };
  }

  @Override
  public String toString() {
    return "InMemoryWindowStore["
        + name()
        + ", retention="
        + retentionPeriod
        + "ms, windowSize="
        + windowSize
        + "ms, retainDuplicates="
        + retainDuplicates
        + "]";
  }
}
