package io.sluice.runtime.internals;

import io.sluice.state.TaskId;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Rate;

/**
 * A restoring task's metrics in group {@value TaskMetrics#GROUP}, tagged {@code task-id}: {@code
 * restore-total} and {@code restore-rate} (changelog records written to its stores, and per
 * second), and {@code restore-remaining-records-total} (records still to read up to the end
 * offsets captured when restoration started; an upper bound, as transaction markers and aborted
 * records take offsets too). Removed when the task leaves the restorer.
 */
final class RestoreMetrics {
  private final Metrics metrics;
  private final Sensor restored;
  private final MetricName remaining;

  RestoreMetrics(Metrics metrics, TaskId taskId, LongSupplier remainingRecords) {
    this.metrics = metrics;
    Map<String, String> tags = Map.of("task-id", taskId.toString());
    restored = metrics.sensor("task." + taskId + ".restore");
    restored.add(metrics.metricName("restore-total", TaskMetrics.GROUP,
        "Changelog records restored into the task's stores", tags), new CumulativeSum());
    restored.add(metrics.metricName("restore-rate", TaskMetrics.GROUP,
        "Changelog records restored per second", tags), new Rate());
    remaining = metrics.metricName("restore-remaining-records-total", TaskMetrics.GROUP,
        "Changelog offsets still to restore up to the end captured at the start", tags);
    metrics.addMetric(remaining, (Gauge<Long>) (config, now) -> remainingRecords.getAsLong());
  }

  /** Counts {@code count} records restored. */
  void recordRestored(long count) {
    restored.record(count);
  }

  void close() {
    metrics.removeSensor(restored.name());
    metrics.removeMetric(remaining);
  }
}
