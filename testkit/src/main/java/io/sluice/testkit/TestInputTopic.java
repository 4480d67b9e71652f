package io.sluice.testkit;

import io.sluice.runtime.internals.SyncDriver;
import io.sluice.state.KeyValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Pipes records into one topic of a {@link TopologyTestDriver}. Each record is serialized,
 * processed to completion (with the records it sends to internal topics), punctuated and committed
 * before the pipe method returns. Records without a timestamp get the topic's current time, which
 * then moves forward by the auto-advance step.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TestInputTopic<K, V> {
  private final SyncDriver driver;
  private final String topic;
  private final Serializer<K> keySerializer;
  private final Serializer<V> valueSerializer;
  private final Duration autoAdvance;
  private Instant currentTime;

  TestInputTopic(SyncDriver driver, String topic, Serializer<K> keySerializer,
      Serializer<V> valueSerializer, Instant startTime, Duration autoAdvance) {
    this.driver = driver;
    this.topic = Objects.requireNonNull(topic, "topic");
    this.keySerializer = Objects.requireNonNull(keySerializer, "key serializer");
    this.valueSerializer = Objects.requireNonNull(valueSerializer, "value serializer");
    this.currentTime = Objects.requireNonNull(startTime, "start time");
    if (autoAdvance.isNegative()) {
      throw new IllegalArgumentException(
          "autoAdvance must not be negative but was " + autoAdvance);
    }
    this.autoAdvance = autoAdvance;
  }

  /**
   * Moves the time given to records without a timestamp.
   *
   * @throws IllegalArgumentException if {@code advance} is negative
   */
  public void advanceTime(Duration advance) {
    if (advance.isNegative()) {
      throw new IllegalArgumentException("advance must not be negative but was " + advance);
    }
    currentTime = currentTime.plus(advance);
  }

  /**
   * Pipes one record.
   *
   * @throws IllegalArgumentException if no source of the topology reads this topic
   * @throws io.sluice.runtime.StreamsException if processing fails
   */
  public void pipeInput(TestRecord<K, V> record) {
    Instant time = record.recordTime();
    if (time == null) {
      time = currentTime;
      currentTime = currentTime.plus(autoAdvance);
    }
    Headers headers = record.headers();
    byte[] key = keySerializer.serialize(topic, headers, record.key());
    byte[] value = valueSerializer.serialize(topic, headers, record.value());
    driver.pipe(topic, key, value, time.toEpochMilli(), headers);
  }

  /** Pipes a value with a {@code null} key at the topic's current time. */
  public void pipeInput(V value) {
    pipeInput(new TestRecord<>(value));
  }

  /** Pipes a key and value at the topic's current time. */
  public void pipeInput(K key, V value) {
    pipeInput(new TestRecord<>(key, value));
  }

  /** Pipes a key and value at {@code timestamp}. */
  public void pipeInput(K key, V value, Instant timestamp) {
    pipeInput(new TestRecord<>(key, value, timestamp));
  }

  /** Pipes a key and value at {@code timestampMs}, epoch milliseconds. */
  public void pipeInput(K key, V value, long timestampMs) {
    pipeInput(new TestRecord<>(key, value, null, timestampMs));
  }

  /** Pipes a key, value and headers at {@code timestamp}. */
  public void pipeInput(K key, V value, Headers headers, Instant timestamp) {
    pipeInput(new TestRecord<>(key, value, headers, timestamp));
  }

  /** Pipes records in order. */
  public void pipeRecordList(List<? extends TestRecord<K, V>> records) {
    records.forEach(this::pipeInput);
  }

  /** Pipes key-value pairs in order, each at the topic's current time. */
  public void pipeKeyValueList(List<KeyValue<K, V>> keyValues) {
    keyValues.forEach(kv -> pipeInput(kv.key(), kv.value()));
  }

  /** Pipes values with {@code null} keys in order, each at the topic's current time. */
  public void pipeValueList(List<V> values) {
    values.forEach(this::pipeInput);
  }

  @Override
  public String toString() {
    return "TestInputTopic{topic=" + topic + ", currentTime=" + currentTime + "}";
  }
}
