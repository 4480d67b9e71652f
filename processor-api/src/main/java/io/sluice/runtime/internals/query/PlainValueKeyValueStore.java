package io.sluice.runtime.internals.query;

import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.ReadOnlyKeyValueStore;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A timestamped key-value store read as a plain one: values without their timestamps. Open for
 * extension so writable facades (the test driver's) share these reads.
 */
public class PlainValueKeyValueStore<K, V> implements ReadOnlyKeyValueStore<K, V> {
  private final ReadOnlyKeyValueStore<K, ValueAndTimestamp<V>> inner;

  /** @param inner the timestamped store */
  public PlainValueKeyValueStore(ReadOnlyKeyValueStore<K, ValueAndTimestamp<V>> inner) {
    this.inner = inner;
  }

  /** The value without its timestamp; {@code null} stays {@code null}. */
  protected static <V> V plain(ValueAndTimestamp<V> value) {
    return ValueAndTimestamp.getValueOrNull(value);
  }

  @Override
  public V get(K key) {
    return plain(inner.get(key));
  }

  @Override
  public KeyValueIterator<K, V> range(K from, K to) {
    return new ValueMappingIterator<>(inner.range(from, to), PlainValueKeyValueStore::plain);
  }

  @Override
  public KeyValueIterator<K, V> reverseRange(K from, K to) {
    return new ValueMappingIterator<>(inner.reverseRange(from, to),
        PlainValueKeyValueStore::plain);
  }

  @Override
  public KeyValueIterator<K, V> all() {
    return new ValueMappingIterator<>(inner.all(), PlainValueKeyValueStore::plain);
  }

  @Override
  public KeyValueIterator<K, V> reverseAll() {
    return new ValueMappingIterator<>(inner.reverseAll(), PlainValueKeyValueStore::plain);
  }

  @Override
  public <P> KeyValueIterator<K, V> prefixScan(P prefix, Serializer<P> prefixKeySerializer) {
    return new ValueMappingIterator<>(inner.prefixScan(prefix, prefixKeySerializer),
        PlainValueKeyValueStore::plain);
  }

  @Override
  public long approximateNumEntries() {
    return inner.approximateNumEntries();
  }
}
