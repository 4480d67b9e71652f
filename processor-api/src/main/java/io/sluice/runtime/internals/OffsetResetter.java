package io.sluice.runtime.internals;

import io.sluice.processor.AutoOffsetReset;
import io.sluice.runtime.StreamsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each topic's {@link AutoOffsetReset} to the main consumer's partitions that have no valid
 * offset.
 *
 * <p>The main consumer runs with {@code auto.offset.reset=none}, so it never picks a position on
 * its own: a poll raises {@link InvalidOffsetException} for exactly the partitions that have no
 * committed offset ({@code NoOffsetForPartitionException}) or whose offset left the log ({@link
 * OffsetOutOfRangeException}). {@link #poll} catches it, seeks those partitions as their topic's
 * policy says and waits for the new positions, so that once a poll returns normally every
 * partition has a definite position (a {@code latest} source skips what was written before the
 * reset and nothing after it). Policy {@code none} ends the thread with a {@link
 * StreamsException} naming the partitions. If looking up the reset position of a batch of
 * partitions times out, {@link #poll} logs a warning and leaves them as they were (without a
 * position, or at their out-of-range offset), so the next poll reports them again and the reset is
 * retried. Used by the stream thread only; not thread-safe.
 */
final class OffsetResetter {
  private static final Logger LOG = LoggerFactory.getLogger(OffsetResetter.class);
  /** Rounds of reset and position lookup per poll; what is left over the next poll sees again. */
  private static final int MAX_ROUNDS = 5;

  private final Consumer<byte[], byte[]> consumer;
  private final OffsetResetPolicies policies;
  private final Time time;
  private final String groupId;

  OffsetResetter(Consumer<byte[], byte[]> consumer, OffsetResetPolicies policies, Time time,
      String groupId) {
    this.consumer = consumer;
    this.policies = policies;
    this.time = time;
    this.groupId = groupId;
  }

  /**
   * Polls the main consumer; if it reports partitions without a valid offset, resets them and
   * returns no records (the next poll fetches from the new positions, or reports again the
   * partitions whose reset timed out).
   *
   * @throws StreamsException if such a partition's policy is {@code none}, or its topic matches
   *     pattern sources with different policies
   */
  ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
    try {
      return consumer.poll(timeout);
    } catch (InvalidOffsetException e) {
      reset(e);
      return ConsumerRecords.empty();
    }
  }

  /**
   * Polls only to stay in the group while the thread is leaving (no record is processed or
   * committed any more): partitions without a valid offset are moved to the end, whatever their
   * policy, so the poll does not fail.
   */
  void pollWhileLeaving(Duration timeout) {
    try {
      consumer.poll(timeout);
    } catch (InvalidOffsetException e) {
      Set<TopicPartition> owned = new HashSet<>(e.partitions());
      owned.retainAll(consumer.assignment());
      consumer.seekToEnd(owned);
    }
  }

  /**
   * Moves {@code partitions} back to their committed offsets (after their tasks were closed
   * without committing); a partition never committed is reset by its topic's policy.
   *
   * @throws StreamsException as {@link #poll}
   * @throws TimeoutException if a reset position cannot be looked up in time (those partitions
   *     still have their old positions, so the reset cannot be left to a later poll)
   */
  void rewindToCommitted(Set<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
    Set<TopicPartition> uncommitted = new HashSet<>();
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata offset = committed.get(tp);
      if (offset == null) {
        uncommitted.add(tp);
      } else {
        consumer.seek(tp, offset.offset());
      }
    }
    if (!uncommitted.isEmpty()) {
      resetUntilResolved(uncommitted, Map.of(), false);
    }
  }

  /** Resets the partitions of {@code e} by their policies (see {@link #poll}). */
  void reset(InvalidOffsetException e) {
    resetUntilResolved(e.partitions(), outOfRange(e), true);
  }

  /**
   * @param retryOnPoll whether a reset that times out is left to the next poll (the partitions
   *     still have no valid position, so it reports them again) rather than thrown
   */
  private void resetUntilResolved(Set<TopicPartition> partitions, Map<TopicPartition, Long> bad,
      boolean retryOnPoll) {
    InvalidOffsetException pending = resetAndResolve(partitions, bad, retryOnPoll);
    for (int round = 1; pending != null && round < MAX_ROUNDS; round++) {
      pending = resetAndResolve(pending.partitions(), outOfRange(pending), retryOnPoll);
    }
  }

  private static Map<TopicPartition, Long> outOfRange(InvalidOffsetException e) {
    return e instanceof OffsetOutOfRangeException range ? range.offsetOutOfRangePartitions()
        : Map.of();
  }

  /**
   * Seeks the owned {@code partitions} by policy and waits for their positions.
   *
   * @param bad the out-of-range offsets, by partition (absent: no committed offset)
   * @param retryOnPoll see {@link #resetUntilResolved}
   * @return a further invalid-offset report the position lookup raised, or null
   */
  private InvalidOffsetException resetAndResolve(Set<TopicPartition> partitions,
      Map<TopicPartition, Long> bad, boolean retryOnPoll) {
    Set<TopicPartition> owned = consumer.assignment();
    Map<AutoOffsetReset, List<TopicPartition>> byPolicy = new LinkedHashMap<>();
    List<TopicPartition> sorted = new ArrayList<>(partitions);
    sorted.sort(Comparator.comparing(TopicPartition::topic)
        .thenComparingInt(TopicPartition::partition));
    for (TopicPartition tp : sorted) {
      if (owned.contains(tp)) {
        byPolicy.computeIfAbsent(policies.policyFor(tp.topic()), p -> new ArrayList<>()).add(tp);
      }
    }
    List<TopicPartition> failing = byPolicy.get(AutoOffsetReset.NONE);
    if (failing != null) {
      throw noValidOffset(failing, bad);
    }
    List<TopicPartition> seeked = new ArrayList<>();
    for (Map.Entry<AutoOffsetReset, List<TopicPartition>> batch : byPolicy.entrySet()) {
      AutoOffsetReset policy = batch.getKey();
      List<TopicPartition> tps = batch.getValue();
      try {
        seek(policy, tps);
      } catch (TimeoutException e) {
        if (!retryOnPoll) {
          throw e;
        }
        LOG.warn("Could not reset the offsets of {} to {}: looking up the positions timed out;"
            + " will retry on the next poll", tps, policy, e);
        continue;
      }
      seeked.addAll(tps);
      LOG.info("Reset {} to {} ({})", tps, policy,
          tps.stream().anyMatch(bad::containsKey) ? "offset out of range" : "no committed offset");
    }
    try {
      for (TopicPartition tp : seeked) {
        consumer.position(tp);
      }
    } catch (InvalidOffsetException e) {
      return e;
    } catch (TimeoutException e) {
      LOG.warn("Looking up the reset positions of {} timed out; the consumer finishes the reset"
          + " in a later poll", seeked, e);
    }
    return null;
  }

  private void seek(AutoOffsetReset policy, List<TopicPartition> partitions) {
    switch (policy.kind()) {
      case EARLIEST -> consumer.seekToBeginning(partitions);
      case LATEST -> consumer.seekToEnd(partitions);
      case BY_DURATION -> seekByDuration(policy.duration().orElseThrow(), partitions);
      case NONE -> throw new IllegalStateException("policy none has no position to seek to");
    }
  }

  /** Seeks to the first offset at or after now minus {@code back}, or to the end if none. */
  private void seekByDuration(Duration back, List<TopicPartition> partitions) {
    long now = time.milliseconds();
    long from = back.compareTo(Duration.ofMillis(now)) >= 0 ? 0L : now - back.toMillis();
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(tp -> query.put(tp, from));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    List<TopicPartition> toEnd = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      OffsetAndTimestamp offset = found.get(tp);
      if (offset == null) {
        toEnd.add(tp);
      } else {
        consumer.seek(tp, offset.offset());
      }
    }
    if (!toEnd.isEmpty()) {
      consumer.seekToEnd(toEnd);
    }
  }

  private StreamsException noValidOffset(List<TopicPartition> partitions,
      Map<TopicPartition, Long> bad) {
    List<String> details = new ArrayList<>();
    Set<String> topics = new TreeSet<>();
    for (TopicPartition tp : partitions) {
      topics.add(tp.topic());
      Long offset = bad.get(tp);
      details.add(tp + (offset == null ? " has no committed offset"
          : " is at offset " + offset + ", which is out of range"));
    }
    return new StreamsException("No valid offset to read source topic(s) " + topics
        + " from, and their offset reset policy is none: " + String.join("; ", details)
        + ". Commit offsets for consumer group '" + groupId + "' (e.g. kafka-consumer-groups"
        + " --reset-offsets), or give the source an offset reset policy other than NONE"
        + " (Consumed.withOffsetResetPolicy, SourceOptions.withOffsetReset), or set"
        + " auto.offset.reset to earliest or latest");
  }
}
