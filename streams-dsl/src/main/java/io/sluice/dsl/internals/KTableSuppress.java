package io.sluice.dsl.internals;

import io.sluice.dsl.Suppressed;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.runtime.StreamsException;
import io.sluice.serdes.internals.Change;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import java.util.function.Function;
import java.util.function.ToLongBiFunction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * {@code KTable.suppress}: buffers a table's changes per key in a {@link SuppressionBuffer} and
 * forwards a key's latest value (with the value before its first buffered change as the old value)
 * once stream time reaches the key's buffer time plus the suppression duration: window end plus
 * grace for {@code untilWindowCloses}, first update time plus the limit for {@code untilTimeLimit}.
 * Final results never forward tombstones. When the buffer exceeds its bounds it either emits its
 * oldest entries early or fails with a {@link StreamsException} naming the operator and the bounds.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class KTableSuppress<K, V> implements ProcessorSupplier<K, Change<V>, K, Change<V>> {
  private final String name;
  private final String storeName;
  private final Suppressed<K> suppressed;
  private final long durationMs;
  private final ToLongBiFunction<K, Long> bufferTime;
  private final Function<ProcessorContext<?, ?>, Serde<K>> keySerde;
  private final Function<ProcessorContext<?, ?>, Serde<V>> valueSerde;

  /**
   * @param name the operator name, for error messages
   * @param storeName the buffer store's name
   * @param suppressed the user's options
   * @param durationMs how long past its buffer time an entry is held, ms
   * @param bufferTime the buffer time of a record from its key and timestamp
   * @param keySerde the key serde, given the context (for defaults)
   * @param valueSerde the value serde, given the context (for defaults)
   */
  KTableSuppress(String name, String storeName, Suppressed<K> suppressed, long durationMs,
      ToLongBiFunction<K, Long> bufferTime,
      Function<ProcessorContext<?, ?>, Serde<K>> keySerde,
      Function<ProcessorContext<?, ?>, Serde<V>> valueSerde) {
    this.name = name;
    this.storeName = storeName;
    this.suppressed = suppressed;
    this.durationMs = durationMs;
    this.bufferTime = bufferTime;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
  }

  @Override
  public Processor<K, Change<V>, K, Change<V>> get() {
    return new SuppressProcessor();
  }

  private final class SuppressProcessor implements Processor<K, Change<V>, K, Change<V>> {
    private final SuppressionBuffer buffer = new SuppressionBuffer(storeName);
    private ProcessorContext<K, Change<V>> context;
    private Serde<K> keys;
    private Serde<V> values;
    private String topic;
    private long observedStreamTime = -1L;

    @Override
    public void init(ProcessorContext<K, Change<V>> context) {
      this.context = context;
      keys = keySerde.apply(context);
      values = valueSerde.apply(context);
      topic = storeName;
      KeyValueStore<Bytes, byte[]> store = context.getStateStore(storeName);
      buffer.init(store);
      observedStreamTime = Math.max(-1L, context.currentStreamTimeMs());
    }

    @Override
    public void process(Record<K, Change<V>> record) {
      observedStreamTime = Math.max(observedStreamTime, record.timestamp());
      Bytes key = Bytes.wrap(keys.serializer().serialize(topic, record.key()));
      BufferedUpdate previous = buffer.get(key);
      byte[] prior = previous != null ? previous.prior()
          : serialize(record.value().oldValue());
      buffer.put(key, new BufferedUpdate(bufferTime.applyAsLong(record.key(), record.timestamp()),
          prior, serialize(record.value().newValue()), record.timestamp(), record.headers()));
      long expiry = observedStreamTime - durationMs;
      while (buffer.minTime() <= expiry) {
        emit(buffer.pollFirst());
      }
      Suppressed.BufferConfig config = suppressed.bufferConfig();
      if (overCapacity(config)) {
        if (config.shutDownWhenFullEnabled()) {
          throw new StreamsException("Suppression buffer of operator '" + name + "' (store '"
              + storeName + "') is full: " + buffer.records() + "/" + config.maxRecordCount()
              + " records, " + buffer.bytes() + "/" + config.maxByteCount() + " bytes; raise"
              + " the bounds in Suppressed.BufferConfig or use emitEarlyWhenFull()");
        }
        while (overCapacity(config)) {
          emit(buffer.pollFirst());
        }
      }
    }

    private boolean overCapacity(Suppressed.BufferConfig config) {
      return buffer.records() > config.maxRecordCount() || buffer.bytes() > config.maxByteCount();
    }

    private void emit(KeyValue<Bytes, BufferedUpdate> entry) {
      BufferedUpdate update = entry.value();
      if (update.newValue() == null && suppressed.untilWindowClose()) {
        return;
      }
      K key = keys.deserializer().deserialize(topic, entry.key().get());
      context.forward(new Record<>(key,
          new Change<>(deserialize(update.prior()), deserialize(update.newValue())),
          update.timestamp(), update.headers()));
    }

    private byte[] serialize(V value) {
      return value == null ? null : values.serializer().serialize(topic, value);
    }

    private V deserialize(byte[] bytes) {
      return bytes == null ? null : values.deserializer().deserialize(topic, bytes);
    }
  }
}
