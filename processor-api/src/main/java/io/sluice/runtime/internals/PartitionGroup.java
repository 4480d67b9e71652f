package io.sluice.runtime.internals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The input queues of a task, with timestamp synchronisation: the next record is the head with
 * the lowest timestamp across the task's partitions. While some partitions are empty, the task
 * waits for them before processing the others (with {@code max.task.idle.ms} -1 it never
 * waits): for an empty partition that is behind (its fetch lag is unknown or positive, so records
 * are on their way) until they arrive, as Kafka Streams does; for an empty partition that is
 * caught up, up to {@code max.task.idle.ms} of wall-clock time, and once that wait has expired it
 * keeps processing until no partition is empty.
 */
final class PartitionGroup {
  private final Map<TopicPartition, RecordQueue> queues = new LinkedHashMap<>();
  /** The queues in insertion order, for the per-record scans (no iterator per scan). */
  private RecordQueue[] ordered = new RecordQueue[0];
  /** The queue {@link #nextRecord} took from last, which {@link #markConsumed} usually needs. */
  private RecordQueue lastPolled;
  private final long maxIdleMs;
  private long waitingSinceMs = -1L;
  private Function<TopicPartition, OptionalLong> fetchLag = tp -> CAUGHT_UP;
  private static final OptionalLong CAUGHT_UP = OptionalLong.of(0);

  PartitionGroup(Iterable<RecordQueue> queues, long maxIdleMs) {
    queues.forEach(q -> this.queues.put(q.partition(), q));
    this.ordered = this.queues.values().toArray(new RecordQueue[0]);
    this.maxIdleMs = maxIdleMs;
  }

  /** See {@link StreamTask#useFetchLag}. */
  void useFetchLag(Function<TopicPartition, OptionalLong> lag) {
    this.fetchLag = lag;
  }

  /** Starts reading another partition (a new topic matching a pattern source). */
  void addQueue(RecordQueue queue) {
    if (queues.putIfAbsent(queue.partition(), queue) == null) {
      ordered = queues.values().toArray(new RecordQueue[0]);
    }
  }

  Set<TopicPartition> partitions() {
    return queues.keySet();
  }

  /**
   * @throws IllegalArgumentException if the task does not read {@code partition}
   */
  void addRecords(TopicPartition partition, Iterable<ConsumerRecord<byte[], byte[]>> records) {
    RecordQueue queue = queues.get(partition);
    if (queue == null) {
      throw new IllegalArgumentException(
          "This task reads " + queues.keySet() + ", not " + partition);
    }
    queue.add(records);
  }

  /** Whether a record may be processed now, given timestamp synchronisation. */
  boolean readyToProcess(long nowMs) {
    int empty = 0;
    boolean behind = false;
    for (RecordQueue queue : ordered) {
      if (queue.isEmpty()) {
        empty++;
        OptionalLong lag = maxIdleMs < 0 ? CAUGHT_UP : fetchLag.apply(queue.partition());
        behind |= lag.isEmpty() || lag.getAsLong() > 0;
      }
    }
    if (empty == ordered.length) {
      return false;
    }
    if (behind) {
      // Records of an empty partition are on their way: processing the others now would take
      // them out of timestamp order (a stream-table join would miss table rows, say).
      waitingSinceMs = -1L;
      return false;
    }
    if (empty == 0 || maxIdleMs < 0) {
      waitingSinceMs = -1L;
      return true;
    }
    if (waitingSinceMs < 0) {
      waitingSinceMs = nowMs;
    }
    // Once the wait has expired, keep processing until every partition has data again.
    return nowMs - waitingSinceMs >= maxIdleMs;
  }

  /**
   * Removes and returns the record with the lowest timestamp, or {@code null} if none. Ties go to
   * the partition that was added to the task first.
   */
  StampedRecord nextRecord() {
    RecordQueue best = null;
    long bestTimestamp = Long.MAX_VALUE;
    for (RecordQueue queue : ordered) {
      long timestamp = queue.headTimestamp();
      if (timestamp >= 0 && timestamp < bestTimestamp) {
        best = queue;
        bestTimestamp = timestamp;
      }
    }
    lastPolled = best;
    return best == null ? null : best.poll();
  }

  /** Records that {@code record}, taken by {@link #nextRecord}, was processed. */
  void markConsumed(StampedRecord record) {
    ConsumerRecord<Object, Object> consumed = record.record();
    RecordQueue queue = lastPolled;
    if (queue == null || queue.partition().partition() != consumed.partition()
        || !queue.partition().topic().equals(consumed.topic())) {
      queue = queues.get(new TopicPartition(consumed.topic(), consumed.partition()));
    }
    if (queue != null) {
      queue.markConsumed(consumed.offset());
    }
  }

  /** The partition time of each partition (largest timestamp taken from it), or -1. */
  long partitionTime(TopicPartition partition) {
    RecordQueue queue = queues.get(partition);
    return queue == null ? -1L : queue.partitionTime();
  }

  /** Resumes a partition's committed partition time; ignored for partitions not read. */
  void initializePartitionTime(TopicPartition partition, long timestamp) {
    RecordQueue queue = queues.get(partition);
    if (queue != null) {
      queue.initializePartitionTime(timestamp);
    }
  }

  int numBuffered() {
    int total = 0;
    for (RecordQueue queue : ordered) {
      total += queue.size();
    }
    return total;
  }

  int numBuffered(TopicPartition partition) {
    RecordQueue queue = queues.get(partition);
    return queue == null ? 0 : queue.size();
  }

  /** The offset of the last record processed or dropped, per partition that has one. */
  Map<TopicPartition, Long> consumedOffsets() {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    queues.forEach((tp, q) -> {
      if (q.lastConsumedOffset() >= 0) {
        offsets.put(tp, q.lastConsumedOffset());
      }
    });
    return offsets;
  }
}
