package io.sluice.dsl.internals;

import java.util.List;

/**
 * The table side of a non-windowed cogrouped aggregation: its rows are in the shared timestamped
 * key-value store; old values are sent once any input processor is asked to.
 *
 * @param <K> key type
 * @param <V> aggregate type
 */
final class CogroupTableOperator<K, V> implements TableOperator<K, V> {
  private final String storeName;
  private final List<SendsOldValues> suppliers;

  CogroupTableOperator(String storeName, List<SendsOldValues> suppliers) {
    this.storeName = storeName;
    this.suppliers = suppliers;
  }

  @Override
  public KTableValueGetterSupplier<K, V> view() {
    return new StoreValueGetterSupplier<>(storeName);
  }

  @Override
  public boolean enableSendingOldValues(boolean forceMaterialization) {
    suppliers.forEach(SendsOldValues::enableSendingOldValues);
    return true;
  }

  @Override
  public boolean materialized() {
    return true;
  }
}
