package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;

/**
 * Forwards a materialized table's updates: directly as they are written when its store does not
 * cache, else from the store's flush listener, once per key per flush, with the headers and
 * timestamp of the write that made the update (the aggregate's own timestamp when it has one).
 *
 * @param <K> key type
 * @param <V> value type
 */
final class TableForwarder<K, V> {
  private final boolean caching;
  private final boolean sendOldValues;
  private final ProcessorContext<K, Change<V>> context;

  /**
   * Registers the flush listener; call it from the processor's {@code init}.
   *
   * @param store the table's store, initialised
   * @param context the processor's context
   * @param sendOldValues whether updates carry the previous value
   */
  TableForwarder(TableStore<K, V> store, ProcessorContext<K, Change<V>> context,
      boolean sendOldValues) {
    this.context = context;
    this.sendOldValues = sendOldValues;
    this.caching = store.setFlushListener((key, newValue, oldValue, timestamp) -> {
      long time = newValue != null ? newValue.timestamp() : timestamp;
      context.forward(new Record<>(key, new Change<>(
          sendOldValues ? ValueAndTimestamp.getValueOrNull(oldValue) : null,
          ValueAndTimestamp.getValueOrNull(newValue)), time, store.currentHeaders()));
    }, sendOldValues);
  }

  /**
   * Forwards {@code record} now unless the store caches (its flush will forward it); drops the old
   * value unless old values were asked for.
   *
   * @param record the update, with the old value if known
   */
  void maybeForward(Record<K, Change<V>> record) {
    if (caching) {
      return;
    }
    context.forward(sendOldValues
        ? record
        : record.withValue(new Change<>(null, record.value().newValue())));
  }
}
