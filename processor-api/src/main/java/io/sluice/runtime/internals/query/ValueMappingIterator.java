package io.sluice.runtime.internals.query;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.WindowStoreIterator;
import java.util.function.Function;

/** Converts the values of an inner iterator as they are read. */
class ValueMappingIterator<K, V1, V2> implements KeyValueIterator<K, V2> {
  private final KeyValueIterator<K, V1> inner;
  private final Function<V1, V2> mapper;

  ValueMappingIterator(KeyValueIterator<K, V1> inner, Function<V1, V2> mapper) {
    this.inner = inner;
    this.mapper = mapper;
  }

  @Override
  public boolean hasNext() {
    return inner.hasNext();
  }

  @Override
  public KeyValue<K, V2> next() {
    KeyValue<K, V1> entry = inner.next();
    return new KeyValue<>(entry.key(), mapper.apply(entry.value()));
  }

  @Override
  public K peekNextKey() {
    return inner.peekNextKey();
  }

  @Override
  public void close() {
    inner.close();
  }

  /** The same for window iterators (keyed by window start). */
  static final class Window<V1, V2> extends ValueMappingIterator<Long, V1, V2>
      implements WindowStoreIterator<V2> {
    Window(WindowStoreIterator<V1> inner, Function<V1, V2> mapper) {
      super(inner, mapper);
    }
  }
}
