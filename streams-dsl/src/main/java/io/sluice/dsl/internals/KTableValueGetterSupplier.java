package io.sluice.dsl.internals;

/**
 * Creates {@link KTableValueGetter}s of one table and names the stores they read.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface KTableValueGetterSupplier<K, V> {
  /** @return a new getter, for one processor instance */
  KTableValueGetter<K, V> get();

  /**
   * The stores the getters read, which the reading processor must be connected to. Ask only when
   * the topology is written: a table may be materialized after the reader was declared.
   *
   * @return the store names
   */
  String[] storeNames();
}
