package io.sluice.state.internals;

import io.sluice.state.KeyValueIterator;
import io.sluice.state.ReadOnlyKeyValueStore;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serializer;

/** Passes only the read operations of a key-value store through. */
final class ReadOnlyKeyValueView<K, V> implements ReadOnlyKeyValueStore<K, V> {

  private final ReadOnlyKeyValueStore<K, V> store;

  ReadOnlyKeyValueView(ReadOnlyKeyValueStore<K, V> store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public V get(K key) {
    return store.get(key);
  }

  @Override
  public KeyValueIterator<K, V> range(K from, K to) {
    return store.range(from, to);
  }

  @Override
  public KeyValueIterator<K, V> reverseRange(K from, K to) {
    return store.reverseRange(from, to);
  }

  @Override
  public KeyValueIterator<K, V> all() {
    return store.all();
  }

  @Override
  public KeyValueIterator<K, V> reverseAll() {
    return store.reverseAll();
  }

  @Override
  public <P> KeyValueIterator<K, V> prefixScan(P prefix, Serializer<P> prefixKeySerializer) {
    return store.prefixScan(prefix, prefixKeySerializer);
  }

  @Override
  public long approximateNumEntries() {
    return store.approximateNumEntries();
  }
}
