package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.WindowStoreIterator;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

/** A {@link TrackedIterator} over window starts. */
final class TrackedWindowIterator<V> extends TrackedIterator<Long, V>
    implements WindowStoreIterator<V> {

  TrackedWindowIterator(
      String storeName,
      BooleanSupplier storeOpen,
      OpenIterators registry,
      Iterator<KeyValue<Long, V>> source) {
    super(storeName, storeOpen, registry, source);
  }
}
