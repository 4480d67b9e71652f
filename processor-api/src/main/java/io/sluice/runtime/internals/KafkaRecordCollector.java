package io.sluice.runtime.internals;

import io.sluice.processor.StreamPartitioner;
import io.sluice.runtime.StreamsException;
import io.sluice.state.TaskId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A task's record collector in the Kafka runtime: serializes each record and sends it through the
 * thread's producer. Acknowledged offsets are kept for the partitions records were sent to
 * explicitly (the task's changelog positions; see {@link RecordCollector#offsets()}). A failed send is kept and thrown by the next {@link #send} or {@link #flush} (as a
 * {@link TaskMigratedException} if the producer was fenced): a record that reached the producer
 * cannot be skipped, since records after it may already be written.
 */
final class KafkaRecordCollector implements RecordCollector {
  private final TaskId taskId;
  private final ThreadProducer producer;
  private final Map<TopicPartition, Long> offsets = new ConcurrentHashMap<>();
  private final AtomicReference<RuntimeException> sendError = new AtomicReference<>();
  /** Used on the task's thread only. */
  private TopicPartition lastTracked;

  KafkaRecordCollector(TaskId taskId, ThreadProducer producer) {
    this.taskId = taskId;
    this.producer = producer;
  }

  @Override
  public <K, V> void send(
      String topic, K key, V value, Headers headers, Integer partition, long timestamp,
      Serializer<K> keySerializer, Serializer<V> valueSerializer) {
    checkForSendError();
    byte[] keyBytes;
    byte[] valueBytes;
    try {
      keyBytes = keySerializer.serialize(topic, headers, key);
      valueBytes = valueSerializer.serialize(topic, headers, value);
    } catch (RuntimeException e) {
      throw new StreamsException("Task " + taskId + " cannot serialize a record for topic '"
          + topic + "': " + e + "; check the serializers given for that topic", e);
    }
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, partition, timestamp, keyBytes, valueBytes, headers);
    // Only records sent to an explicit partition (changelogs) need their offsets: tracking every
    // output record cost a partition key, a boxed offset and a map update per record on the
    // producer's I/O thread.
    TopicPartition tracked = partition == null ? null : trackedPartition(topic, partition);
    producer.send(record, (metadata, exception) -> {
      if (exception == null) {
        if (tracked != null) {
          offsets.merge(tracked, metadata.offset(), Math::max);
        }
      } else {
        RuntimeException error = new StreamsException("Task " + taskId + " could not send a"
            + " record to topic '" + topic + "': " + exception, exception);
        sendError.compareAndSet(null, TaskMigratedException.translate("Sending", error));
      }
    });
  }

  /**
   * The partition key for {@code topic}-{@code partition}, reusing the last one (a store logs
   * many records in a row to the same changelog partition).
   */
  private TopicPartition trackedPartition(String topic, int partition) {
    TopicPartition last = lastTracked;
    if (last == null || last.partition() != partition || !last.topic().equals(topic)) {
      last = new TopicPartition(topic, partition);
      lastTracked = last;
    }
    return last;
  }

  @Override
  public <K, V> void send(
      String topic, K key, V value, Headers headers, long timestamp, Serializer<K> keySerializer,
      Serializer<V> valueSerializer, StreamPartitioner<? super K, ? super V> partitioner) {
    int count = producer.partitionCount(topic);
    Integer partition = partitioner.partition(topic, key, value, count).orElse(null);
    send(topic, key, value, headers, partition, timestamp, keySerializer, valueSerializer);
  }

  @Override
  public void flush() {
    producer.flush();
    checkForSendError();
  }

  private void checkForSendError() {
    RuntimeException error = sendError.get();
    if (error != null) {
      throw error;
    }
  }

  @Override
  public Map<TopicPartition, Long> offsets() {
    return Map.copyOf(offsets);
  }
}
