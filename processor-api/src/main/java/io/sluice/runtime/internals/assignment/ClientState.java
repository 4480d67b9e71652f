package io.sluice.runtime.internals.assignment;

import io.sluice.state.TaskId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One application instance (process) as the assignor sees it: its consumers with the tasks each
 * owns, its capacity (stream threads), rack, endpoint and the offset sums of its task directories.
 *
 * @param processId the instance's persistent id
 * @param capacity its stream thread count, at least 1
 * @param rack its {@code client.rack}, or null
 * @param endpoint its {@code application.server}, or null
 * @param consumers its consumers by member id, in member id order
 * @param offsetSums per task directory, the checkpointed changelog offset sum (or {@link
 *     SubscriptionInfo#LATEST_OFFSET} for running active tasks)
 */
public record ClientState(
    UUID processId,
    int capacity,
    String rack,
    String endpoint,
    SortedMap<String, ConsumerState> consumers,
    Map<TaskId, Long> offsetSums) {

  /**
   * One consumer (stream thread) of an instance.
   *
   * @param memberId the consumer's group member id
   * @param ownedActive the active tasks it owns now
   * @param ownedStandby the standby tasks its thread runs now
   */
  public record ConsumerState(String memberId, Set<TaskId> ownedActive, Set<TaskId> ownedStandby) {
    /** Copies the sets. */
    public ConsumerState {
      Objects.requireNonNull(memberId, "memberId");
      ownedActive = Set.copyOf(ownedActive);
      ownedStandby = Set.copyOf(ownedStandby);
    }
  }

  /** Copies the collections; requires at least one consumer. */
  public ClientState {
    Objects.requireNonNull(processId, "processId");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1 but was " + capacity);
    }
    if (consumers.isEmpty()) {
      throw new IllegalArgumentException("process " + processId + " has no consumers");
    }
    consumers = Collections.unmodifiableSortedMap(new TreeMap<>(consumers));
    offsetSums = Map.copyOf(offsetSums);
  }

  /** @return the active tasks any of its consumers owns */
  public Set<TaskId> ownedActive() {
    Set<TaskId> tasks = new TreeSet<>();
    consumers.values().forEach(c -> tasks.addAll(c.ownedActive()));
    return tasks;
  }

  /** @return the standby tasks any of its consumers runs */
  public Set<TaskId> ownedStandby() {
    Set<TaskId> tasks = new TreeSet<>();
    consumers.values().forEach(c -> tasks.addAll(c.ownedStandby()));
    return tasks;
  }

  /**
   * The records this instance would have to restore to run {@code task}: 0 if it runs it as
   * active now, else the task's end offset sum minus its checkpointed sum (the whole end offset
   * sum without a checkpoint, or when the checkpoint is ahead of the end, as after a truncation).
   *
   * @param endOffsetSum the sum of the end offsets of the task's changelog partitions
   */
  public long lag(TaskId task, long endOffsetSum) {
    Long sum = offsetSums.get(task);
    if (sum != null && sum == SubscriptionInfo.LATEST_OFFSET
        || consumers.values().stream().anyMatch(c -> c.ownedActive().contains(task))) {
      return 0;
    }
    if (sum == null || sum < 0 || sum > endOffsetSum) {
      return Math.max(0, endOffsetSum);
    }
    return endOffsetSum - sum;
  }
}
