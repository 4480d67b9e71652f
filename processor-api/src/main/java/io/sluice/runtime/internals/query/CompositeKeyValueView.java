package io.sluice.runtime.internals.query;

import io.sluice.state.KeyValueIterator;
import io.sluice.state.ReadOnlyKeyValueStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One key-value store across every local task holding it: a point read returns the first copy's
 * value (a key lives in exactly one partition), and scans concatenate the copies' results (ordered
 * within each copy, not across copies).
 */
public final class CompositeKeyValueView<K, V> implements ReadOnlyKeyValueStore<K, V> {
  private final StoreGuard<ReadOnlyKeyValueStore<K, V>> guard;

  /** @param stores the current local copies, fetched for every query */
  public CompositeKeyValueView(String storeName,
      Supplier<List<ReadOnlyKeyValueStore<K, V>>> stores) {
    this.guard = new StoreGuard<>(storeName, stores);
  }

  @Override
  public V get(K key) {
    Objects.requireNonNull(key, "key");
    return guard.read(() -> {
      for (ReadOnlyKeyValueStore<K, V> store : guard.stores()) {
        V value = store.get(key);
        if (value != null) {
          return value;
        }
      }
      return null;
    });
  }

  @Override
  public KeyValueIterator<K, V> range(K from, K to) {
    return guard.read(() -> new ConcatIterator<>(guard.stores(), s -> s.range(from, to)));
  }

  @Override
  public KeyValueIterator<K, V> reverseRange(K from, K to) {
    return guard.read(() -> new ConcatIterator<>(guard.stores(), s -> s.reverseRange(from, to)));
  }

  @Override
  public KeyValueIterator<K, V> all() {
    return guard.read(() -> new ConcatIterator<>(guard.stores(), ReadOnlyKeyValueStore::all));
  }

  @Override
  public KeyValueIterator<K, V> reverseAll() {
    return guard.read(
        () -> new ConcatIterator<>(guard.stores(), ReadOnlyKeyValueStore::reverseAll));
  }

  @Override
  public <P> KeyValueIterator<K, V> prefixScan(P prefix, Serializer<P> prefixKeySerializer) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(prefixKeySerializer, "prefixKeySerializer");
    return guard.read(() -> new ConcatIterator<>(guard.stores(),
        s -> s.prefixScan(prefix, prefixKeySerializer)));
  }

  /** The sum over the local copies, saturating at {@link Long#MAX_VALUE}. */
  @Override
  public long approximateNumEntries() {
    return guard.read(() -> {
      long total = 0;
      for (ReadOnlyKeyValueStore<K, V> store : guard.stores()) {
        long n = store.approximateNumEntries();
        total = total > Long.MAX_VALUE - n ? Long.MAX_VALUE : total + n;
      }
      return total;
    });
  }
}
