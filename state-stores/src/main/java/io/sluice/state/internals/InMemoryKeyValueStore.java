package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * Key-value byte store on a {@link ConcurrentSkipListMap} ordered by {@link Bytes} (unsigned
 * lexicographic), so interactive queries may read while the owning thread writes. Iterators are
 * weakly consistent: they see the map as it is while they advance.
 */
final class InMemoryKeyValueStore extends InMemoryByteStore
    implements KeyValueStore<Bytes, byte[]> {

  private final ConcurrentSkipListMap<Bytes, byte[]> map = new ConcurrentSkipListMap<>();
  private final AtomicLong size = new AtomicLong();

  InMemoryKeyValueStore(String name) {
    super(name);
  }

  @Override
  void restoreBatch(Collection<ConsumerRecord<byte[], byte[]>> records) {
    for (ConsumerRecord<byte[], byte[]> record : records) {
      write(Bytes.wrap(record.key()), record.value());
    }
  }

  @Override
  void onClose() {
    map.clear();
    size.set(0);
  }

  @Override
  public byte[] get(Bytes key) {
    Objects.requireNonNull(key, "key");
    requireOpen();
    return map.get(key);
  }

  @Override
  public void put(Bytes key, byte[] value) {
    Objects.requireNonNull(key, "key");
    requireOpen();
    write(key, value);
  }

  @Override
  public byte[] putIfAbsent(Bytes key, byte[] value) {
    Objects.requireNonNull(key, "key");
    requireOpen();
    byte[] existing = map.get(key);
    if (existing == null) {
      write(key, value);
    }
    return existing;
  }

  @Override
  public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
    requireOpen();
    for (KeyValue<Bytes, byte[]> entry : entries) {
      write(Objects.requireNonNull(entry.key(), "key"), entry.value());
    }
  }

  @Override
  public byte[] delete(Bytes key) {
    Objects.requireNonNull(key, "key");
    requireOpen();
    return write(key, null);
  }

  private byte[] write(Bytes key, byte[] value) {
    byte[] old = value == null ? map.remove(key) : map.put(key, value);
    if (old == null && value != null) {
      size.incrementAndGet();
    } else if (old != null && value == null) {
      size.decrementAndGet();
    }
    return old;
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
    return rangeOf(from, to, true);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
    return rangeOf(from, to, false);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> all() {
    return rangeOf(null, null, true);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseAll() {
    return rangeOf(null, null, false);
  }

  @Override
  public <P> KeyValueIterator<Bytes, byte[]> prefixScan(
      P prefix, Serializer<P> prefixKeySerializer) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(prefixKeySerializer, "prefixKeySerializer");
    requireOpen();
    Bytes serialized = Bytes.wrap(prefixKeySerializer.serialize(null, prefix));
    return iterator(entries(KeyRanges.prefix(map, serialized), true));
  }

  @Override
  public long approximateNumEntries() {
    requireOpen();
    return size.get();
  }

  private KeyValueIterator<Bytes, byte[]> rangeOf(Bytes from, Bytes to, boolean forward) {
    requireOpen();
    if (!KeyRanges.valid(name(), from, to)) {
      return iterator(java.util.Collections.emptyIterator());
    }
    return iterator(entries(KeyRanges.slice(map, from, to), forward));
  }

  private static Iterator<KeyValue<Bytes, byte[]>> entries(
      NavigableMap<Bytes, byte[]> slice, boolean forward) {
    Iterator<Map.Entry<Bytes, byte[]>> it =
        (forward ? slice : slice.descendingMap()).entrySet().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public KeyValue<Bytes, byte[]> next() {
        Map.Entry<Bytes, byte[]> e = it.next();
        return new KeyValue<>(e.getKey(), e.getValue());
      }
    };
  }
}
