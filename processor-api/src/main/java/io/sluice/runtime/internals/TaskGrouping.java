package io.sluice.runtime.internals;

import io.sluice.state.TaskId;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * Groups input partitions into tasks: partition {@code p} of a topic that sub-topology {@code s}
 * reads belongs to task {@code s_p}. Used when the consumer's assignment came without Sluice's
 * assignment info; partitions no sub-topology reads are left out.
 */
final class TaskGrouping
    implements Function<Collection<TopicPartition>, Map<TaskId, Set<TopicPartition>>> {
  private final TaskFactory factory;

  TaskGrouping(TaskFactory factory) {
    this.factory = factory;
  }

  @Override
  public Map<TaskId, Set<TopicPartition>> apply(Collection<TopicPartition> partitions) {
    Map<TaskId, Set<TopicPartition>> tasks = new TreeMap<>();
    for (TopicPartition tp : partitions) {
      int sub = factory.subtopologyOf(tp.topic());
      if (sub >= 0) {
        tasks.computeIfAbsent(new TaskId(sub, tp.partition()), id -> new HashSet<>()).add(tp);
      }
    }
    return tasks;
  }
}
