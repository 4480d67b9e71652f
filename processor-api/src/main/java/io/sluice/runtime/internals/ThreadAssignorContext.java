package io.sluice.runtime.internals;

import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.assignment.AssignmentInfo;
import io.sluice.runtime.internals.assignment.AssignorContext;
import io.sluice.runtime.internals.assignment.SubscriptionInfo;
import io.sluice.runtime.internals.assignment.TopologyMetadata;
import io.sluice.state.StateStoreException;
import io.sluice.state.TaskId;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream thread's side of the assignor hand-off: what its main consumer's {@code
 * SluiceAssignor} puts in the subscription, and where the assignor leaves this consumer's
 * assignment. Called on the stream thread (inside {@code poll}).
 */
final class ThreadAssignorContext implements AssignorContext {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadAssignorContext.class);
  private final InstanceContext instance;
  private final Supplier<TaskManager> tasks;
  private AssignmentInfo assignment;
  private boolean fresh;
  private boolean joining;

  /** @param tasks the thread's task manager (null until the thread initialised) */
  ThreadAssignorContext(InstanceContext instance, Supplier<TaskManager> tasks) {
    this.instance = instance;
    this.tasks = tasks;
  }

  @Override
  public UUID processId() {
    return instance.processId();
  }

  @Override
  public String userEndpoint() {
    String server = instance.config().getString(StreamsConfig.APPLICATION_SERVER);
    return server == null || server.isEmpty() ? null : server;
  }

  @Override
  public int threadCount() {
    return Math.max(1, instance.threadCount().getAsInt());
  }

  @Override
  public TopologyMetadata topology() {
    return instance.topology();
  }

  @Override
  public StreamsConfig config() {
    return instance.config();
  }

  @Override
  public Admin admin() {
    return instance.admin();
  }

  @Override
  public Set<TaskId> ownedActiveTasks() {
    TaskManager manager = tasks.get();
    return manager == null ? Set.of() : manager.taskIds();
  }

  @Override
  public Set<TaskId> ownedStandbyTasks() {
    TaskManager manager = tasks.get();
    return manager == null ? Set.of() : manager.standbyIds();
  }

  /**
   * Reads the checkpoint of every task directory of the instance; this thread's standbys report
   * how far they have restored, and its active tasks {@link SubscriptionInfo#LATEST_OFFSET}.
   * Unreadable checkpoints are skipped (the task counts as having no state).
   */
  @Override
  public Map<TaskId, Long> taskOffsetSums() {
    // Asked only for the subscription, i.e. when the member (re)joins the group.
    joining = true;
    Map<TaskId, Long> sums = new HashMap<>();
    File[] dirs = instance.stateDirectory().appDir().listFiles(File::isDirectory);
    if (dirs != null) {
      for (File dir : dirs) {
        TaskId id;
        try {
          id = TaskId.parse(dir.getName());
        } catch (RuntimeException notATask) {
          continue;
        }
        File file = new File(dir, ProcessorStateManager.CHECKPOINT_FILE);
        if (!file.isFile()) {
          continue;
        }
        try {
          long sum = new OffsetCheckpoint(file.toPath()).read().values().stream()
              .mapToLong(Long::longValue).sum();
          sums.put(id, sum);
        } catch (StateStoreException e) {
          LOG.debug("Skipping the unreadable checkpoint {}", file, e);
        }
      }
    }
    TaskManager manager = tasks.get();
    if (manager != null) {
      sums.putAll(manager.standbyOffsetSums());
      manager.taskIds().forEach(id -> sums.put(id, SubscriptionInfo.LATEST_OFFSET));
    }
    return sums;
  }

  @Override
  public int shutdownRequest() {
    return instance.shutdownRequest().get();
  }

  @Override
  public void onAssignment(AssignmentInfo info) {
    this.assignment = info;
    this.fresh = true;
    this.joining = false;
  }

  /**
   * Whether the member has sent a subscription (joined) and not yet received its assignment: a
   * rebalance is in progress and offset commits would fail on the stale generation.
   */
  boolean rebalanceInProgress() {
    return joining;
  }

  /** The latest assignment, or null before the first. */
  AssignmentInfo assignment() {
    return assignment;
  }

  /** Whether an assignment arrived since the last call; clears the mark. */
  boolean takeFresh() {
    boolean result = fresh;
    fresh = false;
    return result;
  }
}
