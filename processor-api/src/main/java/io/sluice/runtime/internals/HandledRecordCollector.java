package io.sluice.runtime.internals;

import io.sluice.processor.StreamPartitioner;
import io.sluice.runtime.ErrorContext;
import io.sluice.runtime.HandlerResponse;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsException;
import io.sluice.state.internals.ProcessorRecordContext;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The task's view of its record collector (in both drivers): serializes each record first, and
 * hands a serialization failure to {@code production.exception.handler} (FAIL throws; CONTINUE
 * drops and counts the record; DEAD_LETTER also sends the input record to the dead-letter topic).
 * The serialized record goes on to the driver's collector. Like every collector, it takes the
 * headers it is given as they are (see {@link RecordCollector#send}).
 */
final class HandledRecordCollector implements RecordCollector {
  private static final ByteArraySerializer BYTES = new ByteArraySerializer();

  private final RecordCollector inner;
  private final TaskContext task;

  HandledRecordCollector(RecordCollector inner, TaskContext task) {
    this.inner = inner;
    this.task = task;
  }

  @Override
  public <K, V> void send(
      String topic, K key, V value, Headers headers, Integer partition, long timestamp,
      Serializer<K> keySerializer, Serializer<V> valueSerializer) {
    byte[] keyBytes;
    byte[] valueBytes;
    try {
      keyBytes = keySerializer.serialize(topic, headers, key);
      valueBytes = valueSerializer.serialize(topic, headers, value);
    } catch (RuntimeException e) {
      handleFailure(topic, key, value, headers, partition, timestamp, e);
      return;
    }
    inner.send(topic, keyBytes, valueBytes, headers, partition, timestamp, BYTES, BYTES);
  }

  @Override
  public <K, V> void send(
      String topic, K key, V value, Headers headers, long timestamp, Serializer<K> keySerializer,
      Serializer<V> valueSerializer, StreamPartitioner<? super K, ? super V> partitioner) {
    byte[] keyBytes;
    byte[] valueBytes;
    try {
      keyBytes = keySerializer.serialize(topic, headers, key);
      valueBytes = valueSerializer.serialize(topic, headers, value);
    } catch (RuntimeException e) {
      handleFailure(topic, key, value, headers, null, timestamp, e);
      return;
    }
    StreamPartitioner<byte[], byte[]> onObjects =
        (t, k, v, count) -> partitioner.partition(t, key, value, count);
    inner.send(topic, keyBytes, valueBytes, headers, timestamp, BYTES, BYTES, onObjects);
  }

  /** Asks the production handler about a record that failed to serialize; throws on FAIL. */
  private <K, V> void handleFailure(String topic, K key, V value, Headers headers,
      Integer partition, long timestamp, RuntimeException e) {
    ProcessorRecordContext rc = task.recordContext();
    ErrorContext where = rc == null
        ? new ErrorContext(task.taskId(), "sink to " + topic, null, -1, -1L)
        : new ErrorContext(task.taskId(), "sink to " + topic, rc.topic(), rc.partition(),
            rc.offset());
    ProducerRecord<K, V> record =
        new ProducerRecord<>(topic, partition, timestamp, key, value, headers);
    HandlerResponse response = task.config().productionHandler().handle(where, record, e);
    if (response == HandlerResponse.FAIL) {
      throw new StreamsException("Cannot serialize a record for topic '" + topic + "' ("
          + where + "): " + e + "; check the serializers given for that topic, or set "
          + StreamsConfig.PRODUCTION_EXCEPTION_HANDLER + " to skip such records", e);
    }
    if (response == HandlerResponse.DEAD_LETTER) {
      task.deadLetters().send(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER, where,
          task.currentRawRecord(), e, task.wallClockMs());
    }
    task.taskMetrics().recordDropped();
  }

  @Override
  public void flush() {
    inner.flush();
  }

  @Override
  public Map<TopicPartition, Long> offsets() {
    return inner.offsets();
  }
}
