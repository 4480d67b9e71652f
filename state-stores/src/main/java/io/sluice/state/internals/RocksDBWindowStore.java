package io.sluice.state.internals;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.WindowStore;
import io.sluice.state.WindowStoreIterator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;

/**
 * Window byte store on time-segmented RocksDB instances ({@link RocksDBSegmentedBytesStore}),
 * interchangeable with the in-memory window store: same retention rule, iteration order, duplicate
 * handling and changelog key format ({@link WindowKeySchema}). Entries are stored under (key,
 * window start, sequence number); the sequence number is 0 unless duplicates are retained, and on
 * reopen it continues after the largest one on disk.
 */
final class RocksDBWindowStore implements WindowStore<Bytes, byte[]>, SequencedWindowStore {

  private final String name;
  private final long windowSize;
  private final boolean retainDuplicates;
  private final long retention;
  private final RocksDBSegmentedBytesStore bytes;
  private int seqnum;

  RocksDBWindowStore(
      String name,
      String metricsScope,
      long retention,
      long windowSize,
      boolean retainDuplicates,
      long segmentInterval) {
    this.name = Objects.requireNonNull(name, "name");
    this.retention = retention;
    this.windowSize = windowSize;
    this.retainDuplicates = retainDuplicates;
    this.bytes =
        new RocksDBSegmentedBytesStore(
            name, metricsScope, retention, segmentInterval, Integer.BYTES);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    bytes.open(context);
    seqnum = retainDuplicates ? (int) bytes.maxTie() : 0;
    context.register(root, this::restoreBatch);
  }

  void restoreBatch(Collection<ConsumerRecord<byte[], byte[]>> records) {
    List<RocksDBSegmentedBytesStore.Entry> entries = new ArrayList<>(records.size());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      byte[] k = record.key();
      int seq = WindowKeySchema.seq(k);
      seqnum = Math.max(seqnum, seq);
      entries.add(
          new RocksDBSegmentedBytesStore.Entry(
              WindowKeySchema.key(k), WindowKeySchema.windowStart(k), seq, record.value()));
    }
    bytes.restore(entries);
  }

  @Override
  public void put(Bytes key, byte[] value, long windowStartMs) {
    Objects.requireNonNull(key, "key");
    bytes.requireOpen();
    if (windowStartMs < 0) {
      throw new IllegalArgumentException(
          "window start must be >= 0 but was " + windowStartMs + " (store " + name + ")");
    }
    if (retainDuplicates && value == null) {
      return;
    }
    if (retainDuplicates) {
      seqnum = SequencedWindowStore.next(seqnum);
    }
    bytes.put(key, windowStartMs, retainDuplicates ? seqnum : 0, value);
  }

  @Override
  public int lastPutSequence() {
    return seqnum;
  }

  @Override
  public byte[] fetch(Bytes key, long windowStartMs) {
    Objects.requireNonNull(key, "key");
    return bytes.first(key, windowStartMs);
  }

  @Override
  public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFromMs, long timeToMs) {
    return starts(key, timeFromMs, timeToMs, true);
  }

  @Override
  public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFromMs, long timeToMs) {
    return starts(key, timeFromMs, timeToMs, false);
  }

  private WindowStoreIterator<byte[]> starts(Bytes key, long from, long to, boolean forward) {
    Objects.requireNonNull(key, "key");
    return new TrackedWindowIterator<>(
        name,
        bytes::isOpen,
        bytes.iterators(),
        bytes.entries(
            key, key, from, to, Long.MAX_VALUE, forward, e -> new KeyValue<>(e.time(), e.value())));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(
      Bytes keyFrom, Bytes keyTo, long timeFromMs, long timeToMs) {
    return windows(keyFrom, keyTo, timeFromMs, timeToMs, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(
      Bytes keyFrom, Bytes keyTo, long timeFromMs, long timeToMs) {
    return windows(keyFrom, keyTo, timeFromMs, timeToMs, false);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFromMs, long timeToMs) {
    return windows(null, null, timeFromMs, timeToMs, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(
      long timeFromMs, long timeToMs) {
    return windows(null, null, timeFromMs, timeToMs, false);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
    return windows(null, null, Long.MIN_VALUE, Long.MAX_VALUE, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
    return windows(null, null, Long.MIN_VALUE, Long.MAX_VALUE, false);
  }

  private KeyValueIterator<Windowed<Bytes>, byte[]> windows(
      Bytes keyFrom, Bytes keyTo, long from, long to, boolean forward) {
    return bytes.scan(
        keyFrom,
        keyTo,
        from,
        to,
        Long.MAX_VALUE,
        forward,
        e -> {
          long start = e.time();
          long end = start > Long.MAX_VALUE - windowSize ? Long.MAX_VALUE : start + windowSize;
          return new KeyValue<>(new Windowed<>(e.key(), new Window(start, end)), e.value());
        });
  }

  @Override
  public void flush() {
    bytes.flush();
  }

  @Override
  public void close() {
    bytes.close();
    seqnum = 0;
  }

  @Override
  public boolean persistent() {
    return true;
  }

  @Override
  public boolean isOpen() {
    return bytes.isOpen();
  }

  /** The shared storage (tests inspect segments and iterators). */
  RocksDBSegmentedBytesStore segmented() {
    return bytes;
  }

  @Override
  public String toString() {
    return "RocksDBWindowStore["
        + name
        + ", retention="
        + retention
        + "ms, windowSize="
        + windowSize
        + "ms, retainDuplicates="
        + retainDuplicates
        + "]";
  }
}
