package io.sluice.runtime.internals.assignment;

import io.sluice.state.TaskId;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one consumer tells the group leader when it joins, as the subscription's user data.
 *
 * <p>Format (big-endian): version byte, latest supported version byte, process id (two longs),
 * nullable endpoint, nullable rack, thread count, shutdown request, owned active tasks, owned
 * standby tasks (each: count then task ids), task offset sums (count, then task id and long).
 *
 * @param version the format version this was written in
 * @param latestSupportedVersion the newest assignment version the writer can read
 * @param processId the persistent id of the writer's instance
 * @param ownedActiveTasks active tasks the consumer runs now
 * @param ownedStandbyTasks standby tasks its thread runs now
 * @param taskOffsetSums per task directory of the instance, the sum of its checkpointed
 *     changelog offsets, or {@link #LATEST_OFFSET} for tasks running as active
 * @param userEndpoint {@code application.server} ({@code host:port}), or null
 * @param rack the consumer's {@code client.rack}, or null
 * @param threadCount the number of stream threads of the instance
 * @param shutdownRequest 0, or {@link AssignmentInfo#ERROR_SHUTDOWN_APPLICATION}
 */
public record SubscriptionInfo(
    int version,
    int latestSupportedVersion,
    UUID processId,
    Set<TaskId> ownedActiveTasks,
    Set<TaskId> ownedStandbyTasks,
    Map<TaskId, Long> taskOffsetSums,
    String userEndpoint,
    String rack,
    int threadCount,
    int shutdownRequest) {

  /** The newest format version this release writes and reads. */
  public static final int LATEST_VERSION = 1;
  /** The offset sum a running active task reports: caught up by definition. */
  public static final long LATEST_OFFSET = -2L;

  /** Copies the collections and validates the fields. */
  public SubscriptionInfo {
    if (version < 1 || version > LATEST_VERSION) {
      throw new IllegalArgumentException("subscription version " + version + " is not in [1, "
          + LATEST_VERSION + "]");
    }
    if (latestSupportedVersion < version) {
      throw new IllegalArgumentException("latest supported version " + latestSupportedVersion
          + " is below the version written, " + version);
    }
    Objects.requireNonNull(processId, "processId");
    if (threadCount < 1) {
      throw new IllegalArgumentException("thread count must be >= 1 but was " + threadCount);
    }
    ownedActiveTasks = Set.copyOf(ownedActiveTasks);
    ownedStandbyTasks = Set.copyOf(ownedStandbyTasks);
    taskOffsetSums = Map.copyOf(taskOffsetSums);
  }

  /** A subscription in the latest version. */
  public static SubscriptionInfo latest(UUID processId, Set<TaskId> active, Set<TaskId> standby,
      Map<TaskId, Long> offsetSums, String endpoint, String rack, int threads, int shutdown) {
    return new SubscriptionInfo(LATEST_VERSION, LATEST_VERSION, processId, active, standby,
        offsetSums, endpoint, rack, threads, shutdown);
  }

  /** @return the encoded form, version byte first */
  public ByteBuffer encode() {
    ByteWriter out = new ByteWriter().writeByte(version).writeByte(latestSupportedVersion)
        .writeUuid(processId).writeNullableString(userEndpoint).writeNullableString(rack)
        .writeInt(threadCount).writeInt(shutdownRequest)
        .writeTaskIds(ownedActiveTasks).writeTaskIds(ownedStandbyTasks);
    out.writeInt(taskOffsetSums.size());
    new TreeMap<>(taskOffsetSums).forEach((id, sum) -> out.writeTaskId(id).writeLong(sum));
    return out.toBuffer();
  }

  /**
   * Reads the version and the latest supported version, the two bytes every version starts
   * with, so a leader can tell what a member it cannot fully read supports.
   *
   * @return {@code [version, latestSupportedVersion]}
   * @throws FormatException if fewer than two bytes are given
   */
  public static int[] peekVersions(ByteBuffer bytes) {
    ByteReader in = new ByteReader(bytes, "subscription");
    return new int[] {in.readByte(), in.readByte()};
  }

  /**
   * Reads an encoded subscription.
   *
   * @throws FormatException if the bytes are truncated or corrupt, or their version is newer than
   *     {@link #LATEST_VERSION}
   */
  public static SubscriptionInfo decode(ByteBuffer bytes) {
    ByteReader in = new ByteReader(bytes, "subscription");
    int version = in.readByte();
    if (version < 1 || version > LATEST_VERSION) {
      throw new FormatException("Cannot read a Sluice subscription of version " + version
          + ": this release reads versions 1 to " + LATEST_VERSION
          + "; run the same Sluice release on every instance of the application");
    }
    int latest = in.readByte();
    if (latest < version) {
      throw in.corrupt("latest supported version " + latest + " below version " + version);
    }
    UUID processId = in.readUuid();
    String endpoint = in.readNullableString();
    String rack = in.readNullableString();
    int threads = in.readInt();
    if (threads < 1) {
      throw in.corrupt("thread count " + threads);
    }
    int shutdown = in.readInt();
    Set<TaskId> active = in.readTaskIds();
    Set<TaskId> standby = in.readTaskIds();
    int sums = in.readCount(16);
    Map<TaskId, Long> offsetSums = new HashMap<>();
    for (int i = 0; i < sums; i++) {
      offsetSums.put(in.readTaskId(), in.readLong());
    }
    in.requireEnd();
    return new SubscriptionInfo(version, latest, processId, active, standby, offsetSums,
        endpoint, rack, threads, shutdown);
  }
}
