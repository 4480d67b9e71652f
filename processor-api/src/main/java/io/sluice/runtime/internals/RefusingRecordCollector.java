package io.sluice.runtime.internals;

import io.sluice.processor.StreamPartitioner;
import io.sluice.runtime.StreamsException;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The record collector of the global task: a global store's processor only writes its store (a
 * global store has no changelog: its source topic is one), so any send is a topology error.
 */
final class RefusingRecordCollector implements RecordCollector {
  @Override
  public <K, V> void send(String topic, K key, V value, Headers headers, Integer partition,
      long timestamp, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
    throw refuse(topic);
  }

  @Override
  public <K, V> void send(String topic, K key, V value, Headers headers, long timestamp,
      Serializer<K> keySerializer, Serializer<V> valueSerializer,
      StreamPartitioner<? super K, ? super V> partitioner) {
    throw refuse(topic);
  }

  private static StreamsException refuse(String topic) {
    return new StreamsException("A global store's processor tried to send a record to topic '"
        + topic + "'; global stores are fed from their source topic only and cannot write to"
        + " topics. Write to the topic from a regular sub-topology instead");
  }

  @Override
  public void flush() {}

  @Override
  public Map<TopicPartition, Long> offsets() {
    return Map.of();
  }
}
