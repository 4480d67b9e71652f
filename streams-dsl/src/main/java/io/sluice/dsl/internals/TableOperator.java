package io.sluice.dsl.internals;

/**
 * The processor supplier behind a table: how downstream operators read its rows
 * ({@link #view()}) and ask for old values in its updates.
 *
 * @param <K> key type of the table
 * @param <V> value type of the table
 */
interface TableOperator<K, V> {
  /** @return the getters of this table's current rows */
  KTableValueGetterSupplier<K, V> view();

  /**
   * Makes the table's updates carry the value each key had before ({@code Change.oldValue}).
   *
   * @param forceMaterialization whether to keep the table in a store if that is what it takes
   * @return whether old values will be sent; {@code false} if that needs a store and
   *     {@code forceMaterialization} is {@code false}
   */
  boolean enableSendingOldValues(boolean forceMaterialization);

  /** @return whether the table is kept in its own store (decided once the graph is complete) */
  boolean materialized();
}
