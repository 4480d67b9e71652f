package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

/** A {@link StoreIterator} that leaves its store's {@link OpenIterators} when it is closed. */
class TrackedIterator<K, V> extends StoreIterator<K, V> {

  private final OpenIterators registry;

  TrackedIterator(
      String storeName,
      BooleanSupplier storeOpen,
      OpenIterators registry,
      Iterator<KeyValue<K, V>> source) {
    super(storeName, storeOpen, source);
    this.registry = registry;
    registry.add(this);
  }

  @Override
  public void close() {
    super.close();
    registry.remove(this);
  }
}
