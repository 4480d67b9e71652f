package io.sluice.dsl.internals;

/**
 * The table side of {@code suppress}: its rows are read from the suppressed table (the buffer only
 * delays updates), and its updates always carry the value before the first buffered update.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class SuppressedTableOperator<K, V> implements TableOperator<K, V> {
  private final KTableImpl<K, V> parent;

  SuppressedTableOperator(KTableImpl<K, V> parent) {
    this.parent = parent;
  }

  @Override
  public KTableValueGetterSupplier<K, V> view() {
    return parent.valueGetterSupplier();
  }

  @Override
  public boolean enableSendingOldValues(boolean forceMaterialization) {
    return true;
  }

  @Override
  public boolean materialized() {
    return false;
  }
}
