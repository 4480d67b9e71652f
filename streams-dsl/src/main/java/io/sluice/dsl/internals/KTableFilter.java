package io.sluice.dsl.internals;

import io.sluice.dsl.Predicate;

/**
 * {@code KTable.filter} / {@code filterNot}: a rejected (or deleted) row becomes a delete. With
 * old values on, an update whose old and new rows are both rejected is not forwarded at all.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class KTableFilter<K, V> extends KTableRowTransform<K, V, V> {
  private final Predicate<? super K, ? super V> predicate;
  private final boolean negate;

  /**
   * @param storeName the result's store, or {@code null} if not materialized
   */
  KTableFilter(TableOperator<K, V> parent, Predicate<? super K, ? super V> predicate,
      boolean negate, String storeName) {
    super(parent, storeName);
    this.predicate = predicate;
    this.negate = negate;
    // A materialized parent can send old values for free; with them, an update whose old and new
    // rows are both rejected is dropped here instead of becoming a spurious tombstone downstream
    // (Kafka Streams does the same).
    sendOldValues(parent.enableSendingOldValues(false));
  }

  @Override
  V transform(K key, V value) {
    return predicate.test(key, value) != negate ? value : null;
  }

  @Override
  boolean dropsEmptyUpdates() {
    return true;
  }
}
