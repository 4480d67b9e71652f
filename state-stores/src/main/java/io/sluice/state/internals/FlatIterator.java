package io.sluice.state.internals;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Iterates the elements of the inner iterators of each outer element, lazily, in order. */
final class FlatIterator<A, B> implements Iterator<B> {

  private final Iterator<A> outer;
  private final Function<A, Iterator<B>> expand;
  private Iterator<B> current = Collections.emptyIterator();

  FlatIterator(Iterator<A> outer, Function<A, Iterator<B>> expand) {
    this.outer = outer;
    this.expand = expand;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (!outer.hasNext()) {
        return false;
      }
      current = expand.apply(outer.next());
    }
    return true;
  }

  @Override
  public B next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}
