package io.sluice.runtime.internals;

import io.sluice.processor.StreamPartitioner;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Everything a task sends goes through here: sink output, repartition and changelog records.
 * The Kafka runtime implements it over a producer; the test driver over in-memory topics. Each
 * record is serialized exactly once, by the collector.
 */
public interface RecordCollector {
  /**
   * Serializes and sends one record.
   *
   * @param headers the record's headers, which the collector takes over: serializers may add to
   *     them, so callers pass headers that nothing else reads or changes afterwards (a sink's
   *     own copy, or fresh headers)
   * @param partition the partition, or {@code null} for the default (hash of the serialized key)
   * @param timestamp epoch milliseconds
   * @throws io.sluice.runtime.StreamsException if serialization or sending fails; the message
   *     names the topic
   */
  <K, V> void send(
      String topic, K key, V value, Headers headers, Integer partition, long timestamp,
      Serializer<K> keySerializer, Serializer<V> valueSerializer);

  /**
   * Serializes and sends one record to the partition {@code partitioner} picks (empty: the
   * default).
   */
  <K, V> void send(
      String topic, K key, V value, Headers headers, long timestamp, Serializer<K> keySerializer,
      Serializer<V> valueSerializer, StreamPartitioner<? super K, ? super V> partitioner);

  /** Blocks until every record sent so far is acknowledged. */
  void flush();

  /**
   * The offset of the last acknowledged record per partition written, at least for the records
   * sent to an explicit partition (changelogs); the Kafka runtime leaves out records sent to the
   * default partition.
   */
  Map<TopicPartition, Long> offsets();
}
