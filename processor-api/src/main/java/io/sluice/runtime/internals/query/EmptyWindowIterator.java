package io.sluice.runtime.internals.query;

import io.sluice.state.KeyValue;
import io.sluice.state.WindowStoreIterator;
import java.util.NoSuchElementException;

/** A window iterator without entries. */
final class EmptyWindowIterator<V> implements WindowStoreIterator<V> {
  @Override
  public boolean hasNext() {
    return false;
  }

  @Override
  public KeyValue<Long, V> next() {
    throw new NoSuchElementException("no windows");
  }

  @Override
  public Long peekNextKey() {
    throw new NoSuchElementException("no windows");
  }

  @Override
  public void close() {
    // nothing to release
  }
}
