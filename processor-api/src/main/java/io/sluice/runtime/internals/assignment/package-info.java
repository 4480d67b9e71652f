/**
 * Group assignment: how the instances of an application share its tasks. Not a public API.
 *
 * <h2>Hand-off with the stream threads</h2>
 *
 * <p>Each stream thread's main consumer runs {@link
 * io.sluice.runtime.internals.assignment.SluiceAssignor} ({@code partition.assignment.strategy})
 * with the thread's {@link io.sluice.runtime.internals.assignment.AssignorContext} under {@link
 * io.sluice.runtime.internals.assignment.AssignorContext#CONFIG_KEY}. A joining consumer sends a
 * {@link io.sluice.runtime.internals.assignment.SubscriptionInfo}: its instance's persistent id
 * ({@link io.sluice.runtime.internals.assignment.ProcessIdFile}), the tasks it owns, the changelog
 * offset sums of the instance's task directories, endpoint, rack and thread count. Each consumer
 * receives an {@link io.sluice.runtime.internals.assignment.AssignmentInfo}; a non-zero error code
 * stops the instance, and a {@code nextProbingTimeMs} asks the thread to call {@code
 * enforceRebalance} at that time, so warm-up replicas that caught up take their tasks over.
 *
 * <h2>The leader</h2>
 *
 * <p>{@link io.sluice.runtime.internals.assignment.GroupAssigner} lays the topology out on the
 * cluster ({@link io.sluice.runtime.internals.assignment.TopologyMetadata#layout}: partition
 * counts of repartition topics, co-partitioning, tasks), makes the internal topics ready ({@link
 * io.sluice.runtime.internals.assignment.InternalTopicManager}), reads the changelog end offsets
 * to turn offset sums into lags, and runs the pure {@link
 * io.sluice.runtime.internals.assignment.TaskAssignor}: tasks to processes (sticky, lag-aware,
 * balanced by threads; standbys rack-aware), then to the threads of each process.
 *
 * <h2>Cooperative rebalancing</h2>
 *
 * <p>A task whose input partitions another member still owns is withheld from its new owner;
 * the old owner revokes them and its consumer rejoins at once, and the follow-up rebalance
 * assigns the task again, now to an unowned place. Because the assignment is sticky and
 * deterministic, the follow-up gives the task to the same new owner.
 *
 * <h2>Formats</h2>
 *
 * <p>Both formats start with a version byte and the writer's latest supported version. A leader
 * answers in the lowest version every member supports; a subscription or assignment of an
 * unknown version fails with a {@link io.sluice.runtime.internals.assignment.FormatException}
 * that reaches every member as {@code ERROR_UNSUPPORTED_VERSION}.
 */
package io.sluice.runtime.internals.assignment;
