package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StateRestoreCallback;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * The time-to-live layer of a key-value byte store: an entry whose last write is more than the
 * TTL older than stream time is expired. Placed directly inside the metered layer, above caching
 * and changelogging: metered → ttl → caching → changelogging → bytes.
 *
 * <p>Why there: every value below this layer carries its write time as an 8-byte big-endian
 * header (epoch ms) before the value bytes, so the cache, the changelog and the byte store all
 * know each entry's age. Reads check that header against stream time and never return an expired
 * entry, even from the cache and before the expiry pass removed it. Removing an entry is an
 * ordinary delete through the cache and the changelogging layer, so the changelog gets a
 * tombstone, and the flush listener gets {@code (key, null, old value)}: from the caching layer
 * when it flushes the removal, or, without caching, from this layer as it removes the entry. The
 * listener receives each expiry once either way (see {@link CachedStateStore}).
 *
 * <p>Expiry runs as stream time advances: before every write and on every flush (commit). It
 * takes the expired keys from a {@link TtlIndex} ordered by write time, so it costs what expires.
 * A removal runs under an expiry's own record context (timestamp = stream time, not below 0; no
 * topic, partition or offset; empty headers), restored to the previous one afterwards, so the
 * changelog tombstone and the reported update carry the time of the expiry, not that of the
 * record whose arrival advanced stream time.
 * The index lives on the heap (about one entry per key); it is rebuilt when the store opens from
 * the local bytes (one pass over a persistent store's local state) and kept up to date while the
 * changelog is restored.
 *
 * <p>Restore: the task's stream time may not be known while it restores (the engine resumes it
 * from committed offset metadata, which may come later, or not at all for a new owner), but it is
 * at least the newest write time in the store, since writes are stamped with the timestamps of
 * records the task processed. A
 * restored record older than {@code max(stream time, newest write time seen) - ttl} is applied as
 * a delete, and entries that fall behind that bound as restoration goes on are deleted too
 * (locally: restoration writes no changelog), so a restore never brings an expired entry back.
 */
final class TimeToLiveKeyValueStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>>
    implements KeyValueStore<Bytes, byte[]>, CachedStateStore<Bytes, byte[]> {

  private static final int HEADER_BYTES = Long.BYTES;

  private final long ttlMs;
  private final TtlIndex index = new TtlIndex();
  private InternalStoreContext context;
  private long newestWriteTime = Long.MIN_VALUE;
  private CacheFlushListener<Bytes, byte[]> listener;
  private boolean sendOldValues;

  /**
   * @param inner the caching or changelogging layer, or the byte store
   * @param ttlMs the time to live in ms; positive
   */
  TimeToLiveKeyValueStore(KeyValueStore<Bytes, byte[]> inner, long ttlMs) {
    super(inner);
    if (ttlMs <= 0) {
      throw new IllegalArgumentException(
          "ttl of store " + inner.name() + " must be positive but was " + ttlMs + " ms");
    }
    this.ttlMs = ttlMs;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    this.context = StoreContexts.internal(context, name());
    index.clear();
    newestWriteTime = Long.MIN_VALUE;
    super.init(new TtlStoreContext(this.context, this::restoring), root);
    try (KeyValueIterator<Bytes, byte[]> local = wrapped().all()) {
      while (local.hasNext()) {
        KeyValue<Bytes, byte[]> entry = local.next();
        long writeTime = writeTime(entry.value());
        newestWriteTime = Math.max(newestWriteTime, writeTime);
        index.put(entry.key(), writeTime);
      }
    }
  }

  /** The time index, for tests. */
  TtlIndex index() {
    return index;
  }

  /**
   * The stream time expiry is judged by: the task's, but never below the newest write time found
   * in local state or restored.
   */
  long streamTime() {
    return Math.max(context.currentStreamTimeMs(), newestWriteTime);
  }

  /** The write times strictly before this are expired at {@code streamTime}. */
  private long cutoff(long streamTime) {
    return streamTime < Long.MIN_VALUE + ttlMs ? Long.MIN_VALUE : streamTime - ttlMs;
  }

  private long writeTime(byte[] stored) {
    if (stored.length < HEADER_BYTES) {
      throw new StateStoreException("store " + name() + " holds a value of " + stored.length
          + " bytes, shorter than its 8-byte write-time header; its local state or changelog was"
          + " not written with a ttl: wipe the local state and its changelog, or drop the ttl");
    }
    return ByteBuffer.wrap(stored).getLong();
  }

  /** The value in {@code stored} if it is alive at {@code streamTime}, else {@code null}. */
  byte[] liveValue(byte[] stored, long streamTime) {
    if (stored == null || writeTime(stored) < cutoff(streamTime)) {
      return null;
    }
    return Arrays.copyOfRange(stored, HEADER_BYTES, stored.length);
  }

  private byte[] strip(byte[] stored) {
    return stored == null ? null : Arrays.copyOfRange(stored, HEADER_BYTES, stored.length);
  }

  private static byte[] withHeader(long writeTime, byte[] value) {
    return ByteBuffer.allocate(HEADER_BYTES + value.length).putLong(writeTime).put(value).array();
  }

  /**
   * Deletes, through the layers below, every entry expired at the current stream time, under an
   * expiry record context; without an active cache below, reports each to the listener.
   */
  private void expire() {
    long streamTime = streamTime();
    Collection<Bytes> expired = index.removeWrittenBefore(cutoff(streamTime));
    if (expired.isEmpty()) {
      return;
    }
    long timestamp = Math.max(0L, streamTime);
    boolean report = listener != null && !cachesBelow();
    ProcessorRecordContext previous = context.recordContext();
    try {
      for (Bytes key : expired) {
        ProcessorRecordContext expiry =
            new ProcessorRecordContext(timestamp, -1L, -1, null, new RecordHeaders());
        context.setRecordContext(expiry);
        byte[] old = wrapped().delete(key);
        if (report && old != null) {
          listener.apply(key, null, sendOldValues ? strip(old) : null, timestamp);
        }
      }
    } finally {
      context.setRecordContext(previous);
    }
  }

  /** Whether a caching layer with a thread cache sits below, and so reports the expiries. */
  private boolean cachesBelow() {
    return wrapped() instanceof CachingKeyValueStore && context.cache() != null;
  }

  private void requireOpen() {
    if (context == null || !isOpen()) {
      throw new StateStoreException(
          "store " + name() + " is not open; the task initialises it before use");
    }
  }

  @Override
  public byte[] get(Bytes key) {
    Objects.requireNonNull(key, "key");
    requireOpen();
    return liveValue(wrapped().get(key), streamTime());
  }

  @Override
  public void put(Bytes key, byte[] value) {
    Objects.requireNonNull(key, "key");
    requireOpen();
    expire();
    long writeTime = StoreContexts.changeTimestamp(context);
    if (value == null || writeTime < cutoff(streamTime())) {
      // A delete, or a write already expired on arrival: either way the key holds nothing live.
      wrapped().delete(key);
      index.remove(key);
      return;
    }
    wrapped().put(key, withHeader(writeTime, value));
    index.put(key, writeTime);
  }

  @Override
  public byte[] putIfAbsent(Bytes key, byte[] value) {
    byte[] existing = get(key);
    if (existing == null && value != null) {
      put(key, value);
    }
    return existing;
  }

  @Override
  public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
    for (KeyValue<Bytes, byte[]> entry : entries) {
      put(Objects.requireNonNull(entry.key(), "key"), entry.value());
    }
  }

  @Override
  public byte[] delete(Bytes key) {
    byte[] old = get(key);
    expire();
    wrapped().delete(key);
    index.remove(key);
    return old;
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
    return new TtlIterator(wrapped().range(from, to), this, streamTime());
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
    return new TtlIterator(wrapped().reverseRange(from, to), this, streamTime());
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> all() {
    return new TtlIterator(wrapped().all(), this, streamTime());
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseAll() {
    return new TtlIterator(wrapped().reverseAll(), this, streamTime());
  }

  @Override
  public <P> KeyValueIterator<Bytes, byte[]> prefixScan(
      P prefix, Serializer<P> prefixKeySerializer) {
    return new TtlIterator(
        wrapped().prefixScan(prefix, prefixKeySerializer), this, streamTime());
  }

  /** The entries below, expired ones not yet removed included. */
  @Override
  public long approximateNumEntries() {
    return wrapped().approximateNumEntries();
  }

  /** Expires what stream time has passed by, then flushes the layers below. */
  @Override
  public void flush() {
    if (context != null && isOpen()) {
      expire();
    }
    super.flush();
  }

  @Override
  public void flushCache() {
    if (context != null && isOpen()) {
      expire();
    }
    super.flushCache();
  }

  @Override
  public void close() {
    index.clear();
    super.close();
  }

  /**
   * Registers the listener of expiries and, with caching below, of the caching layer's flushed
   * updates, all with their write-time headers removed. Expiries are reported either way, once
   * each: by the caching layer when it has a thread cache, else by this layer.
   *
   * @return whether the store caches, so that ordinary writes are reported too
   */
  @Override
  public boolean setFlushListener(CacheFlushListener<Bytes, byte[]> listener, boolean sendOld) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.sendOldValues = sendOld;
    if (!(wrapped() instanceof CachingKeyValueStore caching)) {
      return false;
    }
    return caching.setFlushListener(
        (key, newValue, oldValue, timestamp) ->
            listener.apply(key, strip(newValue), strip(oldValue), timestamp),
        sendOld);
  }

  /** Wraps the byte store's restore callback with the expiry rule and index upkeep. */
  private StateRestoreCallback restoring(StateRestoreCallback inner) {
    return records -> restoreBatch(records, inner);
  }

  private void restoreBatch(
      Collection<ConsumerRecord<byte[], byte[]>> records, StateRestoreCallback inner) {
    for (ConsumerRecord<byte[], byte[]> record : records) {
      if (record.value() != null) {
        newestWriteTime = Math.max(newestWriteTime, writeTime(record.value()));
      }
    }
    long cutoff = cutoff(streamTime());
    List<ConsumerRecord<byte[], byte[]>> applied = new ArrayList<>(records.size());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      Bytes key = Bytes.wrap(record.key());
      if (record.value() == null) {
        index.remove(key);
        applied.add(record);
      } else if (writeTime(record.value()) < cutoff) {
        index.remove(key);
        applied.add(tombstone(record, record.key()));
      } else {
        index.put(key, writeTime(record.value()));
        applied.add(record);
      }
    }
    ConsumerRecord<byte[], byte[]> first = records.isEmpty() ? null : records.iterator().next();
    for (Bytes key : index.removeWrittenBefore(cutoff)) {
      applied.add(tombstone(first, key.get()));
    }
    inner.restoreBatch(applied);
  }

  private ConsumerRecord<byte[], byte[]> tombstone(
      ConsumerRecord<byte[], byte[]> like, byte[] key) {
    return like == null
        ? new ConsumerRecord<>(name(), 0, -1L, key, null)
        : new ConsumerRecord<>(like.topic(), like.partition(), like.offset(), key, null);
  }
}
