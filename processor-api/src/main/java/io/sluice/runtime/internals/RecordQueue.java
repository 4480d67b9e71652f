package io.sluice.runtime.internals;

import java.util.ArrayDeque;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The buffered records of one input partition of a task. Records stay raw until they reach the
 * head, so only the record about to be compared or processed is deserialized.
 */
final class RecordQueue {
  private final TopicPartition partition;
  private final RecordDeserializer deserializer;
  private final ArrayDeque<ConsumerRecord<byte[], byte[]>> raw = new ArrayDeque<>();
  private StampedRecord head;
  private long partitionTime = -1L;
  private long lastConsumedOffset = -1L;

  RecordQueue(TopicPartition partition, RecordDeserializer deserializer) {
    this.partition = partition;
    this.deserializer = deserializer;
  }

  TopicPartition partition() {
    return partition;
  }

  void add(Iterable<ConsumerRecord<byte[], byte[]>> records) {
    records.forEach(raw::add);
  }

  /** The head's timestamp, deserializing it if needed; -1 if the queue is empty. */
  long headTimestamp() {
    fillHead();
    return head == null ? -1L : head.timestamp();
  }

  /** Removes and returns the head, or {@code null} if the queue is empty. */
  StampedRecord poll() {
    fillHead();
    StampedRecord result = head;
    head = null;
    if (result != null) {
      partitionTime = Math.max(partitionTime, result.timestamp());
    }
    return result;
  }

  /** Records that the record at {@code offset}, taken by {@link #poll}, was processed. */
  void markConsumed(long offset) {
    lastConsumedOffset = Math.max(lastConsumedOffset, offset);
  }

  /** Resumes the partition time committed earlier; it never goes back. */
  void initializePartitionTime(long timestamp) {
    partitionTime = Math.max(partitionTime, timestamp);
  }

  private void fillHead() {
    while (head == null && !raw.isEmpty()) {
      ConsumerRecord<byte[], byte[]> next = raw.poll();
      head = deserializer.deserialize(next, partitionTime);
      if (head == null) {
        lastConsumedOffset = next.offset();
      }
    }
  }

  boolean isEmpty() {
    fillHead();
    return head == null;
  }

  int size() {
    return raw.size() + (head == null ? 0 : 1);
  }

  /** Offset of the last record processed or dropped, or -1. */
  long lastConsumedOffset() {
    return lastConsumedOffset;
  }

  /** The largest timestamp processed from this partition, or -1. */
  long partitionTime() {
    return partitionTime;
  }
}
