package io.sluice.runtime.internals;

import io.sluice.processor.StreamPartitioner;
import io.sluice.runtime.StreamsException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The test driver's record collector: serializes each record for real and appends it to an
 * in-memory topic, where every topic has one partition and a record is acknowledged at once.
 */
final class DriverRecordCollector implements RecordCollector {
  /** Where the serialized records go; returns the offset given to the record. */
  interface Log {
    long append(String topic, int partition, long timestamp, byte[] key, byte[] value,
        Headers headers);
  }

  private final Log log;
  private final Map<TopicPartition, Long> offsets = new HashMap<>();

  DriverRecordCollector(Log log) {
    this.log = log;
  }

  @Override
  public <K, V> void send(
      String topic, K key, V value, Headers headers, Integer partition, long timestamp,
      Serializer<K> keySerializer, Serializer<V> valueSerializer) {
    int target = partition == null ? 0 : partition;
    if (target != 0) {
      throw new StreamsException("Cannot send to partition " + target + " of topic '" + topic
          + "': topics of the test driver have one partition (0)");
    }
    Headers copy = new RecordHeaders(headers.toArray());
    byte[] keyBytes;
    byte[] valueBytes;
    try {
      keyBytes = keySerializer.serialize(topic, copy, key);
      valueBytes = valueSerializer.serialize(topic, copy, value);
    } catch (RuntimeException e) {
      throw new StreamsException("Cannot serialize a record for topic '" + topic + "' (key "
          + key + "): " + e + "; check the serializers given for that topic", e);
    }
    long offset = log.append(topic, target, timestamp, keyBytes, valueBytes, copy);
    offsets.put(new TopicPartition(topic, target), offset);
  }

  @Override
  public <K, V> void send(
      String topic, K key, V value, Headers headers, long timestamp, Serializer<K> keySerializer,
      Serializer<V> valueSerializer, StreamPartitioner<? super K, ? super V> partitioner) {
    Integer partition = partitioner.partition(topic, key, value, 1).orElse(null);
    send(topic, key, value, headers, partition, timestamp, keySerializer, valueSerializer);
  }

  @Override
  public void flush() {
    // Every append is acknowledged when it returns.
  }

  @Override
  public Map<TopicPartition, Long> offsets() {
    return Map.copyOf(offsets);
  }
}
