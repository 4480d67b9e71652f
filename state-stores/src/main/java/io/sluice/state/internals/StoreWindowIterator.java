package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.WindowStoreIterator;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

/** A {@link StoreIterator} whose keys are window starts. */
final class StoreWindowIterator<V> extends StoreIterator<Long, V>
    implements WindowStoreIterator<V> {

  StoreWindowIterator(
      String storeName, BooleanSupplier storeOpen, Iterator<KeyValue<Long, V>> source) {
    super(storeName, storeOpen, source);
  }
}
