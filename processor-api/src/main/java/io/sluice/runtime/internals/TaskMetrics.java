package io.sluice.runtime.internals;

import io.sluice.state.TaskId;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Min;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.WindowedCount;

/**
 * A task's metrics in group {@value #GROUP}, tagged {@code task-id}: {@code process-rate} and
 * {@code process-total} (records processed), {@code dropped-records-rate} and {@code
 * dropped-records-total} (records skipped by a handler), {@code record-e2e-latency-avg/max/min}
 * (wall-clock time minus record timestamp when processed, ms).
 */
final class TaskMetrics {
  static final String GROUP = "stream-task-metrics";

  private final Metrics metrics;
  private final Sensor process;
  private final Sensor dropped;
  private final Sensor endToEnd;
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
    endToEnd = metrics.sensor(prefix + "record-e2e-latency");
    endToEnd.add(metrics.metricName("record-e2e-latency-avg", GROUP,
        "Average wall-clock time minus record timestamp when processed, ms", tags), new Avg());
    endToEnd.add(metrics.metricName("record-e2e-latency-max", GROUP,
        "Largest wall-clock time minus record timestamp when processed, ms", tags), new Max());
    endToEnd.add(metrics.metricName("record-e2e-latency-min", GROUP,
        "Smallest wall-clock time minus record timestamp when processed, ms", tags), new Min());
  }

  /** A record with timestamp {@code recordTimestampMs} was processed at {@code nowMs}. */
  void recordEndToEnd(long recordTimestampMs, long nowMs) {
    endToEnd.record(nowMs - recordTimestampMs);
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
    metrics.removeSensor(endToEnd.name());
  }
}
