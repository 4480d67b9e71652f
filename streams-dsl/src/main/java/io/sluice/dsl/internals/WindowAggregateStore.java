package io.sluice.dsl.internals;

import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.TimestampedWindowStore;
import io.sluice.state.WindowStoreIterator;
import io.sluice.state.internals.CacheFlushListener;
import io.sluice.state.internals.CachedStateStore;

/**
 * A time-windowed aggregation's store as its processor sees it: the built timestamped window
 * store, plus the headers of a flushed write ({@link RecordContextStore}).
 *
 * @param <K> key type
 * @param <V> aggregate type
 */
final class WindowAggregateStore<K, V> extends RecordContextStore<TimestampedWindowStore<K, V>>
    implements TimestampedWindowStore<K, V>, CachedStateStore<Windowed<K>, ValueAndTimestamp<V>> {

  WindowAggregateStore(TimestampedWindowStore<K, V> inner) {
    super(inner);
  }

  @Override
  public boolean setFlushListener(
      CacheFlushListener<Windowed<K>, ValueAndTimestamp<V>> listener, boolean sendOldValues) {
    if (!(inner() instanceof CachedStateStore<?, ?>)) {
      return false;
    }
    @SuppressWarnings("unchecked") // the built store reports updates of its own key/value types
    CachedStateStore<Windowed<K>, ValueAndTimestamp<V>> reporting =
        (CachedStateStore<Windowed<K>, ValueAndTimestamp<V>>) inner();
    return reporting.setFlushListener(listener, sendOldValues);
  }

  @Override
  public void put(K key, ValueAndTimestamp<V> value, long windowStartMs) {
    inner().put(key, value, windowStartMs);
  }

  @Override
  public ValueAndTimestamp<V> fetch(K key, long windowStartMs) {
    return inner().fetch(key, windowStartMs);
  }

  @Override
  public WindowStoreIterator<ValueAndTimestamp<V>> fetch(K key, long timeFromMs, long timeToMs) {
    return inner().fetch(key, timeFromMs, timeToMs);
  }

  @Override
  public WindowStoreIterator<ValueAndTimestamp<V>> backwardFetch(K key, long timeFromMs,
      long timeToMs) {
    return inner().backwardFetch(key, timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, ValueAndTimestamp<V>> fetch(K keyFrom, K keyTo,
      long timeFromMs, long timeToMs) {
    return inner().fetch(keyFrom, keyTo, timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, ValueAndTimestamp<V>> backwardFetch(K keyFrom, K keyTo,
      long timeFromMs, long timeToMs) {
    return inner().backwardFetch(keyFrom, keyTo, timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, ValueAndTimestamp<V>> fetchAll(long timeFromMs,
      long timeToMs) {
    return inner().fetchAll(timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, ValueAndTimestamp<V>> backwardFetchAll(long timeFromMs,
      long timeToMs) {
    return inner().backwardFetchAll(timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<K>, ValueAndTimestamp<V>> all() {
    return inner().all();
  }

  @Override
  public KeyValueIterator<Windowed<K>, ValueAndTimestamp<V>> backwardAll() {
    return inner().backwardAll();
  }
}
