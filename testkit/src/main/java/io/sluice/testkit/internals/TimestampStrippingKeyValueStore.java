package io.sluice.testkit.internals;

import io.sluice.runtime.internals.query.PlainValueKeyValueStore;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StateStore;
import io.sluice.state.TimestampedKeyValueStore;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A timestamped key-value store seen as a plain one, so a test written against {@code
 * getKeyValueStore} reads a DSL table's values directly. Writes store the value with no timestamp
 * ({@code -1}), as Kafka Streams' test driver does; lifecycle calls reach the inner store.
 */
public final class TimestampStrippingKeyValueStore<K, V> extends PlainValueKeyValueStore<K, V>
    implements KeyValueStore<K, V>, ForwardingStateStore {
  private final TimestampedKeyValueStore<K, V> inner;

  /** @param inner the timestamped store this facade reads and writes */
  public TimestampStrippingKeyValueStore(TimestampedKeyValueStore<K, V> inner) {
    super(inner);
    this.inner = inner;
  }

  private static <V> ValueAndTimestamp<V> untimed(V value) {
    return ValueAndTimestamp.make(value, ConsumerRecord.NO_TIMESTAMP);
  }

  @Override
  public void put(K key, V value) {
    inner.put(key, untimed(value));
  }

  @Override
  public V putIfAbsent(K key, V value) {
    return plain(inner.putIfAbsent(key, untimed(value)));
  }

  @Override
  public void putAll(List<KeyValue<K, V>> entries) {
    List<KeyValue<K, ValueAndTimestamp<V>>> timed = new ArrayList<>(entries.size());
    for (KeyValue<K, V> entry : entries) {
      timed.add(new KeyValue<>(entry.key(), untimed(entry.value())));
    }
    inner.putAll(timed);
  }

  @Override
  public V delete(K key) {
    return plain(inner.delete(key));
  }

  @Override
  public StateStore target() {
    return inner;
  }
}
