package io.sluice.runtime.internals.query;

import io.sluice.runtime.LagInfo;
import io.sluice.runtime.internals.StreamTask;
import io.sluice.runtime.internals.assignment.AssignmentInfo;
import io.sluice.state.StateStore;
import io.sluice.state.TaskId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * The tasks of one instance (all its stream threads) as interactive queries see them: which
 * local copies of each store exist, whether each may answer (an active task once restored, a
 * standby always, as a stale copy), and the latest assignment (for metadata). Stream threads
 * report task creation, restoration and closing; query threads read concurrently. Thread-safe.
 */
public final class LocalTasks {
  private final Map<TaskId, Local> tasks = new ConcurrentHashMap<>();
  private volatile AssignmentInfo assignment;

  /**
   * One local task: its stores and their changelog partitions, captured when it registered.
   *
   * @param restored whether an active task finished restoring (standbys: false)
   */
  private record Local(StreamTask task, boolean standby, boolean restored,
      Map<String, StateStore> stores, Map<String, TopicPartition> changelogs) {
    Local with(boolean nowRestored) {
      return new Local(task, standby, nowRestored, stores, changelogs);
    }

    boolean queryable(boolean stale) {
      return standby ? stale : restored;
    }
  }

  private static Local capture(StreamTask task, boolean standby) {
    Map<String, StateStore> stores = new LinkedHashMap<>();
    task.stateManager().stores().forEach(s -> stores.put(s.name(), s));
    Map<String, TopicPartition> changelogs = new HashMap<>();
    task.stateManager().changelogPartitions().forEach((tp, store) -> changelogs.put(store, tp));
    return new Local(task, standby, false, Map.copyOf(stores), Map.copyOf(changelogs));
  }

  /** An active task was created (or promoted from standby) and starts restoring. */
  public void addActive(StreamTask task) {
    tasks.put(task.id(), capture(task, false));
  }

  /** A standby (or warm-up) task was created. */
  public void addStandby(StreamTask task) {
    tasks.put(task.id(), capture(task, true));
  }

  /** These active tasks finished restoring and run now. */
  public void restored(Collection<StreamTask> done) {
    for (StreamTask task : done) {
      tasks.computeIfPresent(task.id(),
          (id, local) -> local.task() == task && !local.standby() ? local.with(true) : local);
    }
  }

  /** A task was closed (or moved); its stores no longer answer. */
  public void remove(StreamTask task) {
    tasks.computeIfPresent(task.id(), (id, local) -> local.task() == task ? null : local);
  }

  /** A stream thread received an assignment (the partition-to-host maps are group-wide). */
  public void onAssignment(AssignmentInfo info) {
    if (info != null && info.errorCode() == AssignmentInfo.ERROR_NONE) {
      assignment = info;
    }
  }

  /** The latest assignment any stream thread received, or null before the first. */
  public AssignmentInfo assignment() {
    return assignment;
  }

  /** What a store lookup found: the queryable copies, and whether others exist not yet ready. */
  public record Found(List<StateStore> stores, boolean restoring) {}

  /**
   * The local copies of {@code storeName}, by task id.
   *
   * @param stale whether standby copies count
   * @param partition only that partition's copy, or null for all
   */
  public Found find(String storeName, boolean stale, Integer partition) {
    List<StateStore> result = new ArrayList<>();
    boolean restoring = false;
    for (Local local : new TreeMap<>(tasks).values()) {
      StateStore store = local.stores().get(storeName);
      if (store == null || (partition != null && local.task().id().partition() != partition)) {
        continue;
      }
      if (local.queryable(stale)) {
        result.add(store);
      } else if (!local.standby()) {
        restoring = true;
      }
    }
    return new Found(List.copyOf(result), restoring);
  }

  /** The changelog partitions of every local logged store copy, by store (for lags). */
  public Map<TopicPartition, String> changelogs() {
    Map<TopicPartition, String> result = new HashMap<>();
    tasks.values().forEach(l -> l.changelogs().forEach((store, tp) -> result.put(tp, store)));
    return result;
  }

  /**
   * Every local store partition's lag, by store name and partition: a running active copy is
   * current (lag 0); restoring and standby copies are at their restore position.
   *
   * @param endOffsets changelog end offsets for {@link #changelogs()}
   */
  public Map<String, Map<Integer, LagInfo>> lags(
      Function<Set<TopicPartition>, Map<TopicPartition, Long>> endOffsets) {
    Map<TopicPartition, String> changelogs = changelogs();
    Map<TopicPartition, Long> ends = endOffsets.apply(changelogs.keySet());
    Map<String, Map<Integer, LagInfo>> result = new TreeMap<>();
    for (Local local : tasks.values()) {
      Map<TopicPartition, Long> positions = positionsOf(local);
      local.changelogs().forEach((store, tp) -> {
        long end = ends.getOrDefault(tp, 0L);
        long current = local.restored() ? end : positions.getOrDefault(tp, 0L);
        result.computeIfAbsent(store, s -> new TreeMap<>())
            .put(local.task().id().partition(), LagInfo.of(current, end));
      });
    }
    return result;
  }

  private static Map<TopicPartition, Long> positionsOf(Local local) {
    try {
      // Read from the query thread while the stream thread restores: a slightly stale
      // position is fine for a lag report.
      return new HashMap<>(local.task().stateManager().changelogOffsets());
    } catch (RuntimeException concurrentChange) {
      return Map.of();
    }
  }
}
