package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import java.util.NoSuchElementException;
import org.apache.kafka.common.utils.Bytes;

/**
 * The entries of a time-to-live store's inner iterator that are alive at the stream time the
 * iterator was opened, with their write-time headers removed.
 */
final class TtlIterator implements KeyValueIterator<Bytes, byte[]> {

  private final KeyValueIterator<Bytes, byte[]> inner;
  private final TimeToLiveKeyValueStore store;
  private final long streamTime;
  private KeyValue<Bytes, byte[]> next;

  TtlIterator(
      KeyValueIterator<Bytes, byte[]> inner,
      TimeToLiveKeyValueStore store,
      long streamTime) {
    this.inner = inner;
    this.store = store;
    this.streamTime = streamTime;
  }

  private boolean advance() {
    while (next == null && inner.hasNext()) {
      KeyValue<Bytes, byte[]> stored = inner.next();
      byte[] value = store.liveValue(stored.value(), streamTime);
      if (value != null) {
        next = new KeyValue<>(stored.key(), value);
      }
    }
    return next != null;
  }

  @Override
  public boolean hasNext() {
    return advance();
  }

  @Override
  public KeyValue<Bytes, byte[]> next() {
    if (!advance()) {
      throw new NoSuchElementException("no more live entries in store " + store.name());
    }
    KeyValue<Bytes, byte[]> result = next;
    next = null;
    return result;
  }

  @Override
  public Bytes peekNextKey() {
    if (!advance()) {
      throw new NoSuchElementException("no more live entries in store " + store.name());
    }
    return next.key();
  }

  @Override
  public void close() {
    inner.close();
  }
}
