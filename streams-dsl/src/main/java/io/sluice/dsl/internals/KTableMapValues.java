package io.sluice.dsl.internals;

import io.sluice.dsl.ValueMapperWithKey;

/**
 * {@code KTable.mapValues}: maps each row's new (and, when asked, old) value; deletes stay deletes
 * and the mapper never sees {@code null}.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <VR> result value type
 */
final class KTableMapValues<K, V, VR> extends KTableRowTransform<K, V, VR> {
  private final ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper;

  /**
   * @param storeName the result's store, or {@code null} if not materialized
   */
  KTableMapValues(TableOperator<K, V> parent,
      ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, String storeName) {
    super(parent, storeName);
    this.mapper = mapper;
  }

  @Override
  VR transform(K key, V value) {
    return mapper.apply(key, value);
  }

  @Override
  boolean dropsEmptyUpdates() {
    return false;
  }
}
