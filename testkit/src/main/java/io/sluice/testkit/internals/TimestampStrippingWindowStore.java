package io.sluice.testkit.internals;

import io.sluice.runtime.internals.query.PlainValueWindowStore;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.StateStore;
import io.sluice.state.TimestampedWindowStore;
import io.sluice.state.WindowStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A timestamped window store seen as a plain one, so a test written against {@code
 * getWindowStore} reads a windowed aggregation's values directly. Writes store the value with no
 * timestamp ({@code -1}), as Kafka Streams' test driver does; lifecycle calls reach the inner
 * store.
 */
public final class TimestampStrippingWindowStore<K, V> extends PlainValueWindowStore<K, V>
    implements WindowStore<K, V>, ForwardingStateStore {
  private final TimestampedWindowStore<K, V> inner;

  /** @param inner the timestamped store this facade reads and writes */
  public TimestampStrippingWindowStore(TimestampedWindowStore<K, V> inner) {
    super(inner);
    this.inner = inner;
  }

  @Override
  public void put(K key, V value, long windowStartMs) {
    inner.put(key, ValueAndTimestamp.make(value, ConsumerRecord.NO_TIMESTAMP), windowStartMs);
  }

  @Override
  public StateStore target() {
    return inner;
  }
}
