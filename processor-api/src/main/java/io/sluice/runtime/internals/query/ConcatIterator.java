package io.sluice.runtime.internals.query;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The entries of one iterator per store, store after store; each store's iterator is opened when
 * the previous one is exhausted and closed then (or on {@link #close}).
 */
final class ConcatIterator<S, K, V> implements KeyValueIterator<K, V> {
  private final Iterator<S> stores;
  private final Function<S, KeyValueIterator<K, V>> open;
  private KeyValueIterator<K, V> current;
  private boolean closed;

  ConcatIterator(List<S> stores, Function<S, KeyValueIterator<K, V>> open) {
    this.stores = List.copyOf(stores).iterator();
    this.open = open;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    while (current == null || !current.hasNext()) {
      if (current != null) {
        current.close();
        current = null;
      }
      if (!stores.hasNext()) {
        return false;
      }
      current = open.apply(stores.next());
    }
    return true;
  }

  @Override
  public KeyValue<K, V> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the iterator is exhausted or closed");
    }
    return current.next();
  }

  @Override
  public K peekNextKey() {
    if (!hasNext()) {
      throw new NoSuchElementException("the iterator is exhausted or closed");
    }
    return current.peekNextKey();
  }

  @Override
  public void close() {
    closed = true;
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
