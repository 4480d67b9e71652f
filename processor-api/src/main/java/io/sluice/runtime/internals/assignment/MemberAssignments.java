package io.sluice.runtime.internals.assignment;

import io.sluice.runtime.internals.assignment.TaskAssignor.Result;
import io.sluice.runtime.internals.assignment.TaskAssignor.Tasks;
import io.sluice.state.TaskId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns a {@link TaskAssignor.Result} into each member's {@link Assignment}. Under cooperative
 * rebalancing a task whose input partitions another member still owns is withheld from its new
 * owner this round: the old owner revokes them, which makes the consumer rejoin, and the
 * follow-up rebalance hands the task over.
 */
final class MemberAssignments {
  private MemberAssignments() {}

  /**
   * @param ownedPartitions per member, the partitions its subscription says it owns
   * @param processOf per member, its process id
   * @param endpoints per process, its {@code application.server} or null; every endpoint gets an
   *     entry in the partition-by-host maps, empty if its process has no task
   * @param version the assignment format version every member reads
   * @param nextProbingTimeMs when to probe, or {@link AssignmentInfo#NO_PROBING}
   */
  static Map<String, Assignment> build(Result result, TaskLayout layout,
      Map<String, List<TopicPartition>> ownedPartitions, Map<String, UUID> processOf,
      Map<UUID, String> endpoints, int version, long nextProbingTimeMs) {
    Map<TopicPartition, String> ownerOf = new HashMap<>();
    ownedPartitions.forEach((member, partitions) -> partitions.forEach(
        tp -> ownerOf.putIfAbsent(tp, member)));
    Map<String, Set<TopicPartition>> byHost = new TreeMap<>();
    Map<String, Set<TopicPartition>> standbyByHost = new TreeMap<>();
    // Every endpoint is listed, a task-less one with empty sets: it still holds the global stores.
    endpoints.values().stream().filter(Objects::nonNull).forEach(endpoint -> {
      byHost.putIfAbsent(endpoint, new HashSet<>());
      standbyByHost.putIfAbsent(endpoint, new HashSet<>());
    });
    result.processes().forEach((process, tasks) -> {
      String endpoint = endpoints.get(process);
      if (endpoint != null) {
        tasks.active().forEach(t -> byHost.computeIfAbsent(endpoint, e -> new HashSet<>())
            .addAll(layout.tasks().get(t)));
        tasks.standby().forEach(t -> standbyByHost.computeIfAbsent(endpoint,
            e -> new HashSet<>()).addAll(layout.tasks().get(t)));
      }
    });
    Map<String, Assignment> assignments = new TreeMap<>();
    for (String member : processOf.keySet()) {
      Tasks tasks = result.consumers().get(member);
      Map<TaskId, Set<TopicPartition>> active = new TreeMap<>();
      for (TaskId task : tasks.active()) {
        Set<TopicPartition> inputs = layout.tasks().get(task);
        boolean heldElsewhere = inputs.stream().map(ownerOf::get)
            .anyMatch(owner -> owner != null && !owner.equals(member));
        if (!heldElsewhere) {
          active.put(task, inputs);
        }
      }
      AssignmentInfo info = new AssignmentInfo(version, active, changelogs(tasks.standby(),
          layout), changelogs(tasks.warmup(), layout), byHost, standbyByHost,
          AssignmentInfo.ERROR_NONE, null, nextProbingTimeMs);
      List<TopicPartition> partitions = new ArrayList<>();
      active.values().forEach(partitions::addAll);
      assignments.put(member, new Assignment(partitions, info.encode()));
    }
    return assignments;
  }

  /** Every member gets no partitions and the error. */
  static Map<String, Assignment> error(Set<String> members, int version, int code,
      String message) {
    Map<String, Assignment> assignments = new TreeMap<>();
    members.forEach(member -> assignments.put(member, new Assignment(List.of(),
        AssignmentInfo.error(version, code, message).encode())));
    return assignments;
  }

  private static Map<TaskId, Set<TopicPartition>> changelogs(Set<TaskId> tasks,
      TaskLayout layout) {
    Map<TaskId, Set<TopicPartition>> result = new TreeMap<>();
    tasks.forEach(task -> result.put(task, layout.changelogsOf(task)));
    return result;
  }
}
