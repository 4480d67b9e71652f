package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * The caching layer of a key-value byte store, between the metered and the changelogging layer.
 * Writes go to the thread's {@link ThreadCache} as dirty entries; reads look in the cache first;
 * iterators merge cache and store. On {@link #flush()} (the task's commit) or when the cache
 * evicts, the dirty entries are written below — one write per key however often it changed — and
 * reported to the {@link CacheFlushListener}, each under its own write's record context.
 *
 * <p>Without a thread cache in the context (none configured), the layer passes everything through.
 * Records the {@code hit-ratio} (avg, min, max) of the owning thread's reads in {@link
 * StoreMetrics}; the owning thread's misses also cache what they read. Reads from other threads
 * (interactive queries) neither count nor fill the cache.
 */
final class CachingKeyValueStore extends CachingStore<KeyValueStore<Bytes, byte[]>, Bytes>
    implements KeyValueStore<Bytes, byte[]> {

  CachingKeyValueStore(KeyValueStore<Bytes, byte[]> inner, String metricsScope) {
    super(inner, metricsScope);
  }

  @Override
  Bytes decode(Bytes cacheKey) {
    return cacheKey;
  }

  @Override
  byte[] readBelow(Bytes key) {
    return wrapped().get(key);
  }

  @Override
  void writeBelow(Bytes key, byte[] value) {
    if (value == null) {
      wrapped().delete(key);
    } else {
      wrapped().put(key, value);
    }
  }

  @Override
  public byte[] get(Bytes key) {
    Objects.requireNonNull(key, "key");
    if (!caching()) {
      return wrapped().get(key);
    }
    requireOpen();
    CacheEntry entry = cached(key);
    boolean hit = entry != null;
    byte[] value = hit ? entry.value() : wrapped().get(key);
    if (!hit) {
      cacheRead(key, value);
    }
    recordRead(hit);
    return value;
  }

  @Override
  public void put(Bytes key, byte[] value) {
    Objects.requireNonNull(key, "key");
    if (!caching()) {
      wrapped().put(key, value);
      return;
    }
    requireOpen();
    cacheWrite(key, value);
  }

  @Override
  public byte[] putIfAbsent(Bytes key, byte[] value) {
    Objects.requireNonNull(key, "key");
    if (!caching()) {
      return wrapped().putIfAbsent(key, value);
    }
    byte[] existing = get(key);
    if (existing == null && value != null) {
      cacheWrite(key, value);
    }
    return existing;
  }

  @Override
  public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
    if (!caching()) {
      wrapped().putAll(entries);
      return;
    }
    requireOpen();
    for (KeyValue<Bytes, byte[]> entry : entries) {
      cacheWrite(Objects.requireNonNull(entry.key(), "key"), entry.value());
    }
  }

  @Override
  public byte[] delete(Bytes key) {
    Objects.requireNonNull(key, "key");
    if (!caching()) {
      return wrapped().delete(key);
    }
    byte[] old = get(key);
    cacheWrite(key, null);
    return old;
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
    KeyValueIterator<Bytes, byte[]> stored = wrapped().range(from, to);
    return !caching() ? stored : merged(cachedRange(from, to), stored, true);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
    KeyValueIterator<Bytes, byte[]> stored = wrapped().reverseRange(from, to);
    return !caching() ? stored : merged(cachedRange(from, to), stored, false);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> all() {
    KeyValueIterator<Bytes, byte[]> stored = wrapped().all();
    return !caching() ? stored : merged(cachedRange(null, null), stored, true);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseAll() {
    KeyValueIterator<Bytes, byte[]> stored = wrapped().reverseAll();
    return !caching() ? stored : merged(cachedRange(null, null), stored, false);
  }

  @Override
  public <P> KeyValueIterator<Bytes, byte[]> prefixScan(
      P prefix, Serializer<P> prefixKeySerializer) {
    KeyValueIterator<Bytes, byte[]> stored = wrapped().prefixScan(prefix, prefixKeySerializer);
    if (!caching()) {
      return stored;
    }
    byte[] raw = prefixKeySerializer.serialize(null, prefix);
    Bytes serialized = Bytes.wrap(raw == null ? new byte[0] : raw);
    return merged(cachedPrefix(serialized), stored, true);
  }

  private KeyValueIterator<Bytes, byte[]> merged(
      List<KeyValue<Bytes, CacheEntry>> cached,
      KeyValueIterator<Bytes, byte[]> stored,
      boolean forward) {
    return new MergedCacheIterator<>(cached, stored, Bytes::compareTo, forward);
  }

  /** The entries of the store below; cached writes not yet flushed are not counted. */
  @Override
  public long approximateNumEntries() {
    return wrapped().approximateNumEntries();
  }
}
