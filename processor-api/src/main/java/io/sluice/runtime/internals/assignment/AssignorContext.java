package io.sluice.runtime.internals.assignment;

import io.sluice.runtime.StreamsConfig;
import io.sluice.state.TaskId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/**
 * What {@link SluiceAssignor} needs from the stream thread whose main consumer it serves, and
 * where it hands the thread its assignment. The thread puts an instance into the consumer's
 * configs under {@link #CONFIG_KEY}; kafka-clients passes it to the assignor's {@code configure}.
 *
 * <p>Methods are called on the consumer's thread (inside {@code poll}), so implementations need
 * no locking for state owned by that thread; state shared by all threads of the instance (offset
 * sums of task directories) must be safe to read from any of them.
 */
public interface AssignorContext {
  /** The consumer config key whose value is the {@link AssignorContext} object. */
  String CONFIG_KEY = "sluice.internal.assignor.context";

  /** @return the persistent id of this instance (see {@link ProcessIdFile}) */
  UUID processId();

  /** @return the {@code application.server} endpoint ({@code host:port}), or null if unset */
  String userEndpoint();

  /** @return the number of stream threads of this instance, at least 1 */
  int threadCount();

  /** @return the topology, resolved for the application id */
  TopologyMetadata topology();

  /** @return the application's configuration */
  StreamsConfig config();

  /** @return the instance's shared admin client, used by the leader for topics and offsets */
  Admin admin();

  /** @return the active tasks this thread's consumer runs now */
  Set<TaskId> ownedActiveTasks();

  /** @return the standby tasks this thread runs now */
  Set<TaskId> ownedStandbyTasks();

  /**
   * @return per task directory on disk (all threads of the instance), the sum of its checkpointed
   *     changelog offsets; running active tasks report {@link SubscriptionInfo#LATEST_OFFSET}
   */
  Map<TaskId, Long> taskOffsetSums();

  /**
   * @return 0, or {@link AssignmentInfo#ERROR_SHUTDOWN_APPLICATION} when this instance asks every
   *     instance of the application to shut down
   */
  int shutdownRequest();

  /**
   * Receives this consumer's part of a new assignment, before the consumer calls {@code
   * onPartitionsAssigned}. A non-zero {@link AssignmentInfo#errorCode()} means the group cannot
   * run (or is asked to shut down); the thread should stop with {@link
   * AssignmentInfo#errorMessage()}.
   */
  void onAssignment(AssignmentInfo assignment);
}
