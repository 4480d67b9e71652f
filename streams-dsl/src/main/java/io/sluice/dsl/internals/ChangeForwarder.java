package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;
import io.sluice.state.StateStore;
import io.sluice.state.internals.CachedStateStore;

/**
 * Forwards an aggregation's updates as {@link Change}s: at once when its store does not cache,
 * otherwise from the store's flush listener when the cache flushes (so only the latest update of a
 * key per commit interval goes downstream). Old values go along only when a downstream operator
 * asked for them.
 *
 * @param <K> key type of the store and of the forwarded records
 * @param <V> value type forwarded
 */
final class ChangeForwarder<K, V> {
  private final ProcessorContext<K, Change<V>> context;
  private final boolean sendOldValues;
  private final boolean caching;

  private ChangeForwarder(ProcessorContext<K, Change<V>> context, boolean sendOldValues,
      boolean caching) {
    this.context = context;
    this.sendOldValues = sendOldValues;
    this.caching = caching;
  }

  /**
   * For a store of timestamped values (window stores): flushed updates carry the aggregate's own
   * timestamp.
   */
  static <K, V> ChangeForwarder<K, V> timestamped(StateStore store,
      ProcessorContext<K, Change<V>> context, boolean sendOldValues) {
    boolean caching = false;
    if (store instanceof CachedStateStore<?, ?> cached) {
      // The store was built for this processor's key and value types (the node built it).
      @SuppressWarnings("unchecked")
      CachedStateStore<K, ValueAndTimestamp<V>> typed =
          (CachedStateStore<K, ValueAndTimestamp<V>>) cached;
      caching = typed.setFlushListener((key, newValue, oldValue, timestamp) ->
          context.forward(new Record<>(key,
              new Change<>(oldValue == null ? null : oldValue.value(),
                  newValue == null ? null : newValue.value()),
              newValue == null ? timestamp : newValue.timestamp())), sendOldValues);
    }
    return new ChangeForwarder<>(context, sendOldValues, caching);
  }

  /** For a store of plain values (session stores): flushed updates carry the write's time. */
  static <K, V> ChangeForwarder<K, V> plain(StateStore store,
      ProcessorContext<K, Change<V>> context, boolean sendOldValues) {
    boolean caching = false;
    if (store instanceof CachedStateStore<?, ?> cached) {
      // The store was built for this processor's key and value types (the node built it).
      @SuppressWarnings("unchecked")
      CachedStateStore<K, V> typed = (CachedStateStore<K, V>) cached;
      caching = typed.setFlushListener((key, newValue, oldValue, timestamp) ->
          context.forward(new Record<>(key, new Change<>(oldValue, newValue), timestamp)),
          sendOldValues);
    }
    return new ChangeForwarder<>(context, sendOldValues, caching);
  }

  /**
   * Forwards an update unless the cache will report it.
   *
   * @param record the triggering record, whose headers go along
   * @param key the updated key
   * @param newValue the new value, {@code null} for a removal
   * @param oldValue the previous value, or {@code null}
   * @param timestamp the timestamp of the update, epoch ms
   */
  void maybeForward(Record<?, ?> record, K key, V newValue, V oldValue, long timestamp) {
    if (!caching) {
      context.forward(new Record<>(key, new Change<>(sendOldValues ? oldValue : null, newValue),
          timestamp, record.headers()));
    }
  }
}
