package io.sluice.runtime.internals;

import io.sluice.state.TaskId;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;

/**
 * The {@code records-lag} gauge of each active task of one stream thread, in group {@value
 * TaskMetrics#GROUP} tagged {@code task-id}: records of its input partitions not processed yet
 * (partition end − consumer position, plus the records buffered in the task). Refreshed by the
 * stream thread at each commit (the consumer is not thread-safe), read by anyone; gauges of tasks
 * that left are removed.
 */
final class TaskLagMetrics {
  private final Metrics metrics;
  private final Map<TaskId, Long> lags = new ConcurrentHashMap<>();
  private final Map<TaskId, MetricName> names = new ConcurrentHashMap<>();

  TaskLagMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Recomputes the lag of every task from the consumer's cached end offsets; stream thread. */
  void update(Iterable<StreamTask> tasks, Consumer<byte[], byte[]> consumer) {
    Set<TaskId> seen = new HashSet<>();
    Set<TopicPartition> owned = consumer.assignment();
    for (StreamTask task : tasks) {
      long lag = 0;
      boolean known = false;
      for (TopicPartition tp : task.inputPartitions()) {
        if (!owned.contains(tp)) {
          continue;
        }
        OptionalLong behind = consumer.currentLag(tp);
        if (behind.isPresent()) {
          known = true;
          lag += behind.getAsLong() + task.numBuffered(tp);
        }
      }
      if (!known) {
        continue;
      }
      seen.add(task.id());
      lags.put(task.id(), lag);
      names.computeIfAbsent(task.id(), id -> {
        MetricName name = metrics.metricName("records-lag", TaskMetrics.GROUP,
            "input records not processed yet (end offset - position + buffered)",
            Map.of("task-id", id.toString()));
        metrics.addMetric(name, (Gauge<Long>) (config, now) -> lags.getOrDefault(id, 0L));
        return name;
      });
    }
    for (TaskId id : Set.copyOf(names.keySet())) {
      if (!seen.contains(id)) {
        remove(id);
      }
    }
  }

  private void remove(TaskId id) {
    MetricName name = names.remove(id);
    lags.remove(id);
    if (name != null) {
      metrics.removeMetric(name);
    }
  }

  /** Removes every gauge. */
  void close() {
    Set.copyOf(names.keySet()).forEach(this::remove);
  }
}
