package io.sluice.runtime.internals;

import io.sluice.state.TaskId;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.WindowedCount;

/**
 * A task's metrics in group {@value #GROUP}, tagged {@code task-id}: {@code process-rate} and
 * {@code process-total} (records processed), {@code dropped-records-rate} and {@code
 * dropped-records-total} (records skipped by a handler).
 */
final class TaskMetrics {
  static final String GROUP = "stream-task-metrics";

  private final Metrics metrics;
  private final Sensor process;
  private final Sensor dropped;
  private final MetricName processTotal;
  private final MetricName droppedTotal;

  TaskMetrics(Metrics metrics, TaskId taskId) {
    this.metrics = metrics;
    Map<String, String> tags = Map.of("task-id", taskId.toString());
    String prefix = "task." + taskId + ".";
    processTotal = metrics.metricName("process-total", GROUP, "Records processed", tags);
    droppedTotal = metrics.metricName("dropped-records-total", GROUP,
        "Records dropped by an exception handler", tags);
    process = metrics.sensor(prefix + "process");
    process.add(metrics.metricName("process-rate", GROUP, "Records processed per second", tags),
        new Rate(new WindowedCount()));
    process.add(processTotal, new CumulativeCount());
    dropped = metrics.sensor(prefix + "dropped-records");
    dropped.add(metrics.metricName("dropped-records-rate", GROUP,
        "Records dropped per second", tags), new Rate(new WindowedCount()));
    dropped.add(droppedTotal, new CumulativeCount());
  }

  void recordProcess() {
    process.record();
  }

  void recordDropped() {
    dropped.record();
  }

  double processTotal() {
    return (Double) metrics.metric(processTotal).metricValue();
  }

  double droppedTotal() {
    return (Double) metrics.metric(droppedTotal).metricValue();
  }

  void close() {
    metrics.removeSensor(process.name());
    metrics.removeSensor(dropped.name());
  }
}
