package io.sluice.testkit;

import io.sluice.runtime.internals.SyncDriver;
import io.sluice.state.KeyValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads what a {@link TopologyTestDriver}'s topology wrote to one topic (output, internal or
 * changelog), in the order it was written. Each record can be read once.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TestOutputTopic<K, V> {
  private final SyncDriver driver;
  private final String topic;
  private final Deserializer<K> keyDeserializer;
  private final Deserializer<V> valueDeserializer;

  TestOutputTopic(SyncDriver driver, String topic, Deserializer<K> keyDeserializer,
      Deserializer<V> valueDeserializer) {
    this.driver = driver;
    this.topic = Objects.requireNonNull(topic, "topic");
    this.keyDeserializer = Objects.requireNonNull(keyDeserializer, "key deserializer");
    this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "value deserializer");
  }

  /**
   * Reads the next record.
   *
   * @throws NoSuchElementException if every record written so far has been read
   */
  public TestRecord<K, V> readRecord() {
    ProducerRecord<byte[], byte[]> record = driver.readOutput(topic);
    if (record == null) {
      throw new NoSuchElementException("Topic '" + topic + "' has no unread records; check"
          + " isEmpty() before reading. Topics written so far: " + driver.producedTopicNames());
    }
    return new TestRecord<>(
        keyDeserializer.deserialize(topic, record.headers(), record.key()),
        valueDeserializer.deserialize(topic, record.headers(), record.value()),
        record.headers(), Instant.ofEpochMilli(record.timestamp()));
  }

  /** Reads the next record's value (see {@link #readRecord()}). */
  public V readValue() {
    return readRecord().value();
  }

  /** Reads the next record's key and value (see {@link #readRecord()}). */
  public KeyValue<K, V> readKeyValue() {
    TestRecord<K, V> record = readRecord();
    return KeyValue.pair(record.key(), record.value());
  }

  /** Reads every unread record. */
  public List<TestRecord<K, V>> readRecordsToList() {
    List<TestRecord<K, V>> records = new ArrayList<>();
    while (!isEmpty()) {
      records.add(readRecord());
    }
    return records;
  }

  /** Reads every unread value. */
  public List<V> readValuesToList() {
    return readRecordsToList().stream().map(TestRecord::value).toList();
  }

  /** Reads every unread key-value pair. */
  public List<KeyValue<K, V>> readKeyValuesToList() {
    return readRecordsToList().stream().map(r -> KeyValue.pair(r.key(), r.value())).toList();
  }

  /**
   * Reads every unread record into a map of the latest value per key, as a table would hold it
   * ({@code null} values remove their key).
   */
  public Map<K, V> readKeyValuesToMap() {
    Map<K, V> table = new LinkedHashMap<>();
    for (TestRecord<K, V> record : readRecordsToList()) {
      if (record.value() == null) {
        table.remove(record.key());
      } else {
        table.put(record.key(), record.value());
      }
    }
    return table;
  }

  /** The number of unread records. */
  public long getQueueSize() {
    return driver.outputSize(topic);
  }

  /** Whether every record written so far has been read. */
  public boolean isEmpty() {
    return getQueueSize() == 0;
  }

  @Override
  public String toString() {
    return "TestOutputTopic{topic=" + topic + ", unread=" + getQueueSize() + "}";
  }
}
