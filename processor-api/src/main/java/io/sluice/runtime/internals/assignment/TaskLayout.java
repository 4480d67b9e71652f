package io.sluice.runtime.internals.assignment;

import io.sluice.state.TaskId;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The tasks of a topology on a given cluster: the partition count of every source and
 * repartition topic, each task's input partitions and its changelog partitions.
 *
 * @param partitionCounts source, pattern-matched and repartition topics with their counts
 * @param sourceTopics per sub-topology id, its source topics (pattern sources resolved)
 * @param tasks every task with its input partitions, in task id order
 * @param changelogPartitions every task with the partitions its stores restore from: changelog
 *     partitions, and source partitions that serve as a store's changelog (empty if stateless)
 * @param changelogPartitionCounts every changelog topic with its partition count (the task count
 *     of its sub-topology)
 */
public record TaskLayout(
    Map<String, Integer> partitionCounts,
    Map<Integer, Set<String>> sourceTopics,
    SortedMap<TaskId, Set<TopicPartition>> tasks,
    Map<TaskId, Set<TopicPartition>> changelogPartitions,
    Map<String, Integer> changelogPartitionCounts) {

  /** Wraps the maps unmodifiable; callers hand over ownership. */
  public TaskLayout {
    partitionCounts = Collections.unmodifiableMap(partitionCounts);
    sourceTopics = Collections.unmodifiableMap(sourceTopics);
    tasks = Collections.unmodifiableSortedMap(new TreeMap<>(tasks));
    changelogPartitions = Collections.unmodifiableMap(changelogPartitions);
    changelogPartitionCounts = Collections.unmodifiableMap(changelogPartitionCounts);
  }

  /** @return the task reading {@code partition}, or null if no task reads it */
  public TaskId taskOf(TopicPartition partition) {
    for (Map.Entry<TaskId, Set<TopicPartition>> task : tasks.entrySet()) {
      if (task.getValue().contains(partition)) {
        return task.getKey();
      }
    }
    return null;
  }

  /** @return the changelog partitions of {@code task}, empty if it has none or is unknown */
  public Set<TopicPartition> changelogsOf(TaskId task) {
    return changelogPartitions.getOrDefault(task, Set.of());
  }
}
