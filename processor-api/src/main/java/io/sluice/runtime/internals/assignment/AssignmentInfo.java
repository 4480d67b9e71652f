package io.sluice.runtime.internals.assignment;

import io.sluice.state.TaskId;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * One consumer's part of a group assignment, sent by the leader as the assignment's user data.
 *
 * <p>Format (big-endian): version byte, latest supported version byte, error code int, nullable
 * error message, next probing time long, active tasks, standby tasks, warm-up tasks (each: count,
 * then task id and partitions grouped by topic), partitions by host, standby partitions by host.
 *
 * @param version the format version this was written in
 * @param activeTasks this consumer's active tasks and their input partitions
 * @param standbyTasks this consumer's standby tasks and their changelog partitions
 * @param warmupTasks this consumer's warm-up replicas (standbys that will take over an active
 *     task once caught up) and their changelog partitions
 * @param partitionsByHost per {@code application.server} endpoint, the input partitions of the
 *     active tasks of that instance, for interactive queries
 * @param standbyPartitionsByHost per endpoint, the input partitions of its standby tasks
 * @param errorCode {@link #ERROR_NONE} or one of the other {@code ERROR_} codes
 * @param errorMessage what went wrong, naming the topic or setting; null when there is no error
 * @param nextProbingTimeMs epoch ms at which to trigger a probing rebalance (warm-ups exist), or
 *     {@link #NO_PROBING}
 */
public record AssignmentInfo(
    int version,
    Map<TaskId, Set<TopicPartition>> activeTasks,
    Map<TaskId, Set<TopicPartition>> standbyTasks,
    Map<TaskId, Set<TopicPartition>> warmupTasks,
    Map<String, Set<TopicPartition>> partitionsByHost,
    Map<String, Set<TopicPartition>> standbyPartitionsByHost,
    int errorCode,
    String errorMessage,
    long nextProbingTimeMs) {

  /** The newest format version this release writes and reads. */
  public static final int LATEST_VERSION = 1;
  /** No error. */
  public static final int ERROR_NONE = 0;
  /** An instance asked every instance of the application to shut down. */
  public static final int ERROR_SHUTDOWN_APPLICATION = 1;
  /** A source topic does not exist; the message names it. */
  public static final int ERROR_MISSING_SOURCE_TOPIC = 2;
  /** Co-partitioned topics have different partition counts; the message names them. */
  public static final int ERROR_COPARTITIONING = 3;
  /** A member's subscription could not be read (version or corruption); the message says why. */
  public static final int ERROR_UNSUPPORTED_VERSION = 4;
  /** An internal topic could not be created or is invalid; the message names it. */
  public static final int ERROR_INTERNAL_TOPIC = 5;
  /** Any other failure of the leader while assigning; the message says what. */
  public static final int ERROR_ASSIGNMENT_FAILED = 6;
  /** {@link #nextProbingTimeMs()} when no probing rebalance is wanted. */
  public static final long NO_PROBING = -1L;

  /** Copies the collections; validates the version and the error fields. */
  public AssignmentInfo {
    if (version < 1 || version > LATEST_VERSION) {
      throw new IllegalArgumentException("assignment version " + version + " is not in [1, "
          + LATEST_VERSION + "]");
    }
    activeTasks = copy(activeTasks);
    standbyTasks = copy(standbyTasks);
    warmupTasks = copy(warmupTasks);
    partitionsByHost = copy(partitionsByHost);
    standbyPartitionsByHost = copy(standbyPartitionsByHost);
    if ((errorCode == ERROR_NONE) != (errorMessage == null)) {
      throw new IllegalArgumentException("an assignment has an error message exactly when its"
          + " error code is non-zero, but code " + errorCode + " came with message "
          + errorMessage);
    }
  }

  /** An assignment that carries only an error, for every member of the group. */
  public static AssignmentInfo error(int version, int errorCode, String message) {
    Objects.requireNonNull(message, "message");
    return new AssignmentInfo(version, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        errorCode, message, NO_PROBING);
  }

  /** @return the input partitions of all active tasks */
  public Set<TopicPartition> activePartitions() {
    return activeTasks.values().stream().flatMap(Set::stream)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** @return the encoded form, version byte first */
  public ByteBuffer encode() {
    ByteWriter out = new ByteWriter().writeByte(version).writeByte(LATEST_VERSION)
        .writeInt(errorCode).writeNullableString(errorMessage).writeLong(nextProbingTimeMs);
    out.writeTaskPartitions(activeTasks).writeTaskPartitions(standbyTasks)
        .writeTaskPartitions(warmupTasks);
    return out.writeHostPartitions(partitionsByHost).writeHostPartitions(standbyPartitionsByHost)
        .toBuffer();
  }

  /**
   * Reads an encoded assignment.
   *
   * @throws FormatException if the bytes are truncated or corrupt, or their version is newer than
   *     {@link #LATEST_VERSION}
   */
  public static AssignmentInfo decode(ByteBuffer bytes) {
    ByteReader in = new ByteReader(bytes, "assignment");
    int version = in.readByte();
    if (version < 1 || version > LATEST_VERSION) {
      throw new FormatException("Cannot read a Sluice assignment of version " + version
          + ": this release reads versions 1 to " + LATEST_VERSION
          + "; upgrade this instance to the release the group leader runs");
    }
    in.readByte(); // the writer's latest supported version; informational in version 1
    int errorCode = in.readInt();
    String message = in.readNullableString();
    long nextProbing = in.readLong();
    Map<TaskId, Set<TopicPartition>> active = in.readTaskPartitions();
    Map<TaskId, Set<TopicPartition>> standby = in.readTaskPartitions();
    Map<TaskId, Set<TopicPartition>> warmup = in.readTaskPartitions();
    Map<String, Set<TopicPartition>> byHost = in.readHostPartitions();
    Map<String, Set<TopicPartition>> standbyByHost = in.readHostPartitions();
    in.requireEnd();
    if ((errorCode == ERROR_NONE) != (message == null)) {
      throw in.corrupt("error code " + errorCode + " with message " + message);
    }
    return new AssignmentInfo(version, active, standby, warmup, byHost, standbyByHost,
        errorCode, message, nextProbing);
  }

  private static <K> Map<K, Set<TopicPartition>> copy(Map<K, Set<TopicPartition>> map) {
    Map<K, Set<TopicPartition>> result = new HashMap<>();
    map.forEach((key, value) -> result.put(Objects.requireNonNull(key), Set.copyOf(value)));
    return Map.copyOf(result);
  }
}
