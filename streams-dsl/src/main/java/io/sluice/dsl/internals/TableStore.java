package io.sluice.dsl.internals;

import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import io.sluice.state.TimestampedKeyValueStore;
import io.sluice.state.internals.CacheFlushListener;
import io.sluice.state.internals.CachedStateStore;
import io.sluice.state.internals.InternalStoreContext;
import io.sluice.state.internals.ProcessorRecordContext;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The outermost layer of a DSL table's store: delegates everything to the built store and keeps
 * the store context it was initialised with, so that a table processor forwarding a flushed cache
 * entry can give it the headers of the write that made it ({@link #currentHeaders()}), which the
 * processor API's context does not expose.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class TableStore<K, V>
    implements TimestampedKeyValueStore<K, V>, CachedStateStore<K, ValueAndTimestamp<V>> {
  private final TimestampedKeyValueStore<K, V> inner;
  private InternalStoreContext context;

  TableStore(TimestampedKeyValueStore<K, V> inner) {
    this.inner = inner;
  }

  /**
   * @return the headers of the record context the store sees now: while a flush listener runs,
   *     those of the write being flushed; empty headers if there is none
   */
  Headers currentHeaders() {
    ProcessorRecordContext recordContext = context == null ? null : context.recordContext();
    return recordContext == null || recordContext.headers() == null
        ? new RecordHeaders()
        : recordContext.headers();
  }

  @Override
  public boolean setFlushListener(
      CacheFlushListener<K, ValueAndTimestamp<V>> listener, boolean sendOldValues) {
    if (!(inner instanceof CachedStateStore<?, ?>)) {
      return false;
    }
    @SuppressWarnings("unchecked") // the built store reports updates of its own key/value types
    CachedStateStore<K, ValueAndTimestamp<V>> reporting =
        (CachedStateStore<K, ValueAndTimestamp<V>>) inner;
    return reporting.setFlushListener(listener, sendOldValues);
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void init(StateStoreContext storeContext, StateStore root) {
    if (!(storeContext instanceof InternalStoreContext internal)) {
      throw new StateStoreException("Store '" + name() + "' needs the engine's store context,"
          + " but was initialised with " + storeContext.getClass().getName()
          + "; initialise it through a Sluice task or test driver");
    }
    this.context = internal;
    inner.init(storeContext, root);
  }

  @Override
  public void flushCache() {
    inner.flushCache();
  }

  @Override
  public void flush() {
    inner.flush();
  }

  @Override
  public void close() {
    inner.close();
  }

  @Override
  public boolean persistent() {
    return inner.persistent();
  }

  @Override
  public boolean isOpen() {
    return inner.isOpen();
  }

  @Override
  public void put(K key, ValueAndTimestamp<V> value) {
    inner.put(key, value);
  }

  @Override
  public ValueAndTimestamp<V> putIfAbsent(K key, ValueAndTimestamp<V> value) {
    return inner.putIfAbsent(key, value);
  }

  @Override
  public void putAll(List<KeyValue<K, ValueAndTimestamp<V>>> entries) {
    inner.putAll(entries);
  }

  @Override
  public ValueAndTimestamp<V> delete(K key) {
    return inner.delete(key);
  }

  @Override
  public ValueAndTimestamp<V> get(K key) {
    return inner.get(key);
  }

  @Override
  public KeyValueIterator<K, ValueAndTimestamp<V>> range(K from, K to) {
    return inner.range(from, to);
  }

  @Override
  public KeyValueIterator<K, ValueAndTimestamp<V>> reverseRange(K from, K to) {
    return inner.reverseRange(from, to);
  }

  @Override
  public KeyValueIterator<K, ValueAndTimestamp<V>> all() {
    return inner.all();
  }

  @Override
  public KeyValueIterator<K, ValueAndTimestamp<V>> reverseAll() {
    return inner.reverseAll();
  }

  @Override
  public <P> KeyValueIterator<K, ValueAndTimestamp<V>> prefixScan(
      P prefix, Serializer<P> prefixKeySerializer) {
    return inner.prefixScan(prefix, prefixKeySerializer);
  }

  @Override
  public long approximateNumEntries() {
    return inner.approximateNumEntries();
  }
}
