package io.sluice.state.internals;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.SessionStore;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;

/**
 * Session byte store on time-segmented RocksDB instances ({@link RocksDBSegmentedBytesStore}),
 * interchangeable with the in-memory session store: segments and retention go by session end,
 * iteration is by end, key, start, and the changelog key format is {@link SessionKeySchema}.
 */
final class RocksDBSessionStore implements SessionStore<Bytes, byte[]> {

  private final String name;
  private final RocksDBSegmentedBytesStore bytes;

  RocksDBSessionStore(String name, String metricsScope, long retention, long segmentInterval) {
    this.name = Objects.requireNonNull(name, "name");
    this.bytes =
        new RocksDBSegmentedBytesStore(name, metricsScope, retention, segmentInterval, Long.BYTES);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    bytes.open(context);
    context.register(root, this::restoreBatch);
  }

  void restoreBatch(Collection<ConsumerRecord<byte[], byte[]>> records) {
    List<RocksDBSegmentedBytesStore.Entry> entries = new ArrayList<>(records.size());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      byte[] k = record.key();
      entries.add(
          new RocksDBSegmentedBytesStore.Entry(
              SessionKeySchema.key(k),
              SessionKeySchema.end(k),
              SessionKeySchema.start(k),
              record.value()));
    }
    bytes.restore(entries);
  }

  @Override
  public void put(Windowed<Bytes> session, byte[] aggregate) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(session.key(), "session key");
    bytes.put(session.key(), session.window().endMs(), session.window().startMs(), aggregate);
  }

  @Override
  public void remove(Windowed<Bytes> session) {
    put(session, null);
  }

  @Override
  public byte[] fetchSession(Bytes key, long startMs, long endMs) {
    Objects.requireNonNull(key, "key");
    return bytes.get(key, endMs, startMs);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(
      Bytes key, long earliestSessionEndMs, long latestSessionStartMs) {
    Objects.requireNonNull(key, "key");
    return find(key, key, earliestSessionEndMs, latestSessionStartMs, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(
      Bytes key, long earliestSessionEndMs, long latestSessionStartMs) {
    Objects.requireNonNull(key, "key");
    return find(key, key, earliestSessionEndMs, latestSessionStartMs, false);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(
      Bytes keyFrom, Bytes keyTo, long earliestSessionEndMs, long latestSessionStartMs) {
    return find(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs, true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(
      Bytes keyFrom, Bytes keyTo, long earliestSessionEndMs, long latestSessionStartMs) {
    return find(keyFrom, keyTo, earliestSessionEndMs, latestSessionStartMs, false);
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

  private KeyValueIterator<Windowed<Bytes>, byte[]> find(
      Bytes keyFrom, Bytes keyTo, long earliestEnd, long latestStart, boolean forward) {
    return bytes.scan(
        keyFrom,
        keyTo,
        earliestEnd,
        Long.MAX_VALUE,
        latestStart,
        forward,
        e -> new KeyValue<>(new Windowed<>(e.key(), new Window(e.tie(), e.time())), e.value()));
  }

  @Override
  public void flush() {
    bytes.flush();
  }

  @Override
  public void close() {
    bytes.close();
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
    return "RocksDBSessionStore[" + name + "]";
  }
}
