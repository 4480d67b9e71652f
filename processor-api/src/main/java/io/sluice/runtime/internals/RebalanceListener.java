package io.sluice.runtime.internals;

import io.sluice.runtime.internals.assignment.AssignmentInfo;
import io.sluice.state.TaskId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream thread's reaction to cooperative rebalances (called inside the main consumer's {@code
 * poll}, on the stream thread).
 *
 * <ul>
 *   <li>Revoked: commit (the thread's whole transaction under exactly-once, whose records span
 *       every task; only the revoked tasks under at-least-once), then close the revoked tasks
 *       clean, so the next owner resumes exactly after what was committed.
 *   <li>Lost (the member fell out of the group): close those tasks dirty without committing;
 *       under exactly-once the open transaction is aborted first.
 *   <li>Assigned: create the tasks of the assignment whose partitions the consumer now owns.
 * </ul>
 *
 * <p>Failures are not thrown into the consumer (which would wrap them); they are kept and thrown
 * by {@link #rethrowFailure} after {@code poll} returns. A migration while committing closes
 * every task dirty and is reported the same way.
 */
final class RebalanceListener implements ConsumerRebalanceListener {
  private static final Logger LOG = LoggerFactory.getLogger(RebalanceListener.class);

  private final TaskManager tasks;
  private final Committer committer;
  private final ThreadAssignorContext assignor;
  private final Function<Collection<TopicPartition>, Map<TaskId, Set<TopicPartition>>> grouping;
  private final Runnable onRebalance;
  private RuntimeException failure;

  /**
   * @param grouping groups partitions into tasks when no assignment info arrived (another
   *     assignor)
   * @param onRebalance called when partitions are assigned (the thread enters
   *     PARTITIONS_ASSIGNED)
   */
  RebalanceListener(TaskManager tasks, Committer committer, ThreadAssignorContext assignor,
      Function<Collection<TopicPartition>, Map<TaskId, Set<TopicPartition>>> grouping,
      Runnable onRebalance) {
    this.tasks = tasks;
    this.committer = committer;
    this.assignor = assignor;
    this.grouping = grouping;
    this.onRebalance = onRebalance;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    List<StreamTask> revoked = tasks.tasksOf(partitions);
    if (revoked.isEmpty() || failure != null) {
      return;
    }
    LOG.info("Partitions {} revoked: committing and closing tasks {}", partitions,
        revoked.stream().map(StreamTask::id).toList());
    try {
      committer.commit(committer.commitsWholeThread() ? tasks.tasks() : revoked);
      tasks.closeClean(revoked);
    } catch (RuntimeException e) {
      failure = e;
      closeAllDirty();
    }
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    List<StreamTask> lost = tasks.tasksOf(partitions);
    LOG.warn("Partitions {} lost (this member left the group): closing tasks {} dirty",
        partitions, lost.stream().map(StreamTask::id).toList());
    if (committer.commitsWholeThread()) {
      closeAllDirty();
    } else {
      tasks.closeDirty(lost);
    }
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    onRebalance.run();
    if (failure != null) {
      return;
    }
    try {
      createAssignedTasks();
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  /**
   * Creates the active tasks of the latest assignment whose partitions the consumer owns, and
   * updates the standbys (also after a migration closed every task while the consumer kept its
   * partitions).
   */
  void createAssignedTasks() {
    AssignmentInfo info = assignor.assignment();
    if (info != null && info.errorCode() != AssignmentInfo.ERROR_NONE) {
      return;
    }
    Map<TaskId, Set<TopicPartition>> wanted = info != null
        ? info.activeTasks()
        : grouping.apply(tasks.consumerAssignment());
    tasks.createTasks(wanted);
    if (info != null) {
      Map<TaskId, Set<TopicPartition>> standbys = new HashMap<>(info.standbyTasks());
      standbys.putAll(info.warmupTasks());
      tasks.updateStandbys(standbys);
    }
  }

  private void closeAllDirty() {
    try {
      committer.abortAfterFailure();
    } catch (RuntimeException e) {
      failure = failure == null ? e : failure;
    }
    tasks.closeDirty(tasks.tasks());
  }

  /** Throws what went wrong inside a callback since the last call, if anything. */
  void rethrowFailure() {
    RuntimeException error = failure;
    failure = null;
    if (error != null) {
      throw error;
    }
  }
}
