package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import java.util.function.Function;

/**
 * Converts the keys and values of an inner iterator as they are read: how metered layers turn bytes
 * into objects lazily.
 */
class MappedIterator<K1, V1, K2, V2> implements KeyValueIterator<K2, V2> {

  private final KeyValueIterator<K1, V1> inner;
  private final Function<K1, K2> keyMapper;
  private final Function<V1, V2> valueMapper;

  MappedIterator(
      KeyValueIterator<K1, V1> inner, Function<K1, K2> keyMapper, Function<V1, V2> valueMapper) {
    this.inner = inner;
    this.keyMapper = keyMapper;
    this.valueMapper = valueMapper;
  }

  @Override
  public boolean hasNext() {
    return inner.hasNext();
  }

  @Override
  public KeyValue<K2, V2> next() {
    KeyValue<K1, V1> next = inner.next();
    return new KeyValue<>(keyMapper.apply(next.key()), valueMapper.apply(next.value()));
  }

  @Override
  public K2 peekNextKey() {
    return keyMapper.apply(inner.peekNextKey());
  }

  @Override
  public void close() {
    inner.close();
  }
}
