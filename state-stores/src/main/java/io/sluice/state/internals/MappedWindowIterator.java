package io.sluice.state.internals;

import io.sluice.state.WindowStoreIterator;
import java.util.function.Function;

/** A {@link MappedIterator} over window starts that converts only values. */
final class MappedWindowIterator<V1, V2> extends MappedIterator<Long, V1, Long, V2>
    implements WindowStoreIterator<V2> {

  MappedWindowIterator(WindowStoreIterator<V1> inner, Function<V1, V2> valueMapper) {
    super(inner, Function.identity(), valueMapper);
  }
}
