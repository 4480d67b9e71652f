package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.StateStoreException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;

/**
 * A {@link KeyValueIterator} over a plain Java iterator of a byte store's entries: adds {@link
 * #peekNextKey()}, and refuses to run once it or its store is closed.
 */
class StoreIterator<K, V> implements KeyValueIterator<K, V> {

  private final String storeName;
  private final BooleanSupplier storeOpen;
  private final Iterator<KeyValue<K, V>> source;
  private KeyValue<K, V> peeked;
  private boolean closed;

  StoreIterator(String storeName, BooleanSupplier storeOpen, Iterator<KeyValue<K, V>> source) {
    this.storeName = storeName;
    this.storeOpen = storeOpen;
    this.source = source;
  }

  @Override
  public boolean hasNext() {
    checkOpen();
    return peeked != null || source.hasNext();
  }

  @Override
  public KeyValue<K, V> next() {
    checkOpen();
    if (peeked != null) {
      KeyValue<K, V> next = peeked;
      peeked = null;
      return next;
    }
    return source.next();
  }

  @Override
  public K peekNextKey() {
    checkOpen();
    if (peeked == null) {
      if (!source.hasNext()) {
        throw new NoSuchElementException("no more entries in store " + storeName);
      }
      peeked = source.next();
    }
    return peeked.key();
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() {
    if (!storeOpen.getAsBoolean()) {
      throw new StateStoreException(
          "store " + storeName + " is closed; iterators over it cannot be used any more");
    }
    if (closed) {
      throw new StateStoreException(
          "iterator of store " + storeName + " was closed; open a new one to read again");
    }
  }
}
