package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorContext;
import io.sluice.serdes.ValueAndTimestamp;

/**
 * Reads a table's current row by key from inside a processor of the same task: from the table's
 * store if it is materialized, else by reading its parent's row and applying the operator again.
 * One getter per processor instance; the processor must be connected to the getter supplier's
 * {@link KTableValueGetterSupplier#storeNames()}.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface KTableValueGetter<K, V> {
  /**
   * Looks up the stores; call it from the reading processor's {@code init}.
   *
   * @param context the reading processor's context
   */
  void init(ProcessorContext<?, ?> context);

  /**
   * @param key the key, not {@code null}
   * @return the row's value and the timestamp of its last update, or {@code null} if there is no
   *     row
   */
  ValueAndTimestamp<V> get(K key);

  /** Releases what {@link #init} acquired; the stores themselves are closed by their task. */
  default void close() {}
}
