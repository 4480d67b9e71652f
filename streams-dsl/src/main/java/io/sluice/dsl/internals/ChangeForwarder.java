package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.Windowed;
import io.sluice.serdes.internals.Change;
import io.sluice.state.StateStore;
import io.sluice.state.internals.CachedStateStore;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

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
  private final boolean inputHeaders;

  private ChangeForwarder(ProcessorContext<K, Change<V>> context, boolean sendOldValues,
      boolean caching, boolean inputHeaders) {
    this.context = context;
    this.sendOldValues = sendOldValues;
    this.caching = caching;
    this.inputHeaders = inputHeaders;
  }

  /**
   * For a store of timestamped values (window stores): flushed updates carry the aggregate's own
   * timestamp.
   */
  static <K, V> ChangeForwarder<K, V> timestamped(StateStore store,
      ProcessorContext<K, Change<V>> context, boolean sendOldValues) {
    Supplier<Headers> headers = headersOf(store);
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
              newValue == null ? timestamp : newValue.timestamp(), headers.get())),
          sendOldValues);
    }
    return new ChangeForwarder<>(context, sendOldValues, caching, true);
  }

  /**
   * For a session store: flushed updates carry the session's end as their timestamp; updates
   * forwarded at once carry no headers (they are new records, not the input record).
   */
  static <K, V> ChangeForwarder<Windowed<K>, V> session(StateStore store,
      ProcessorContext<Windowed<K>, Change<V>> context, boolean sendOldValues) {
    Supplier<Headers> headers = headersOf(store);
    boolean caching = false;
    if (store instanceof CachedStateStore<?, ?> cached) {
      // The store was built for this processor's key and value types (the node built it).
      @SuppressWarnings("unchecked")
      CachedStateStore<Windowed<K>, V> typed = (CachedStateStore<Windowed<K>, V>) cached;
      caching = typed.setFlushListener((key, newValue, oldValue, timestamp) ->
          context.forward(new Record<>(key, new Change<>(oldValue, newValue),
              key.window().endMs(), headers.get())), sendOldValues);
    }
    return new ChangeForwarder<>(context, sendOldValues, caching, false);
  }

  private static Supplier<Headers> headersOf(StateStore store) {
    if (store instanceof RecordContextStore<?> tracking) {
      return tracking::currentHeaders;
    }
    return RecordHeaders::new;
  }

  /**
   * Forwards an update unless the cache will report it.
   *
   * @param record the triggering record, whose headers go along (window stores)
   * @param key the updated key
   * @param newValue the new value, {@code null} for a removal
   * @param oldValue the previous value, or {@code null}
   * @param timestamp the timestamp of the update, epoch ms
   */
  void maybeForward(Record<?, ?> record, K key, V newValue, V oldValue, long timestamp) {
    if (!caching) {
      context.forward(new Record<>(key, new Change<>(sendOldValues ? oldValue : null, newValue),
          timestamp, inputHeaders ? record.headers() : null));
    }
  }
}
