package io.sluice.runtime.internals;

import io.sluice.state.TaskId;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Min;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.WindowedCount;
import org.apache.kafka.common.metrics.stats.WindowedSum;

/**
 * A task's metrics in group {@value #GROUP}, tagged {@code task-id}: {@code process-rate} and
 * {@code process-total} (records processed), {@code dropped-records-rate} and {@code
 * dropped-records-total} (records skipped by a handler), {@code record-e2e-latency-avg/max/min}
 * (wall-clock time minus record timestamp when processed, ms).
 *
 * <p>Processed records are summed on the task's thread and handed to the sensors in batches of
 * up to {@value #BATCH} records (and whenever the task runs out of records, commits or closes):
 * recording each record into five stats, each under the sensor's lock, cost several per cent of
 * the stream thread's time in a profile of a pass-through topology. The figures are the same as
 * per-record recording once flushed; in between, they lag by less than one batch.
 */
final class TaskMetrics {
  static final String GROUP = "stream-task-metrics";
  /** Processed records summed before they are recorded. */
  static final int BATCH = 100;

  private final Metrics metrics;
  private final Sensor process;
  private final Sensor dropped;
  private final Sensor endToEndMax;
  private final Sensor endToEndMin;
  private final MetricName processTotal;
  private final MetricName droppedTotal;
  private final MetricName endToEndAvg;
  private final BatchedAverage endToEndAverage;
  private int pending;
  private long pendingLatencySum;
  private long pendingLatencyMax = Long.MIN_VALUE;
  private long pendingLatencyMin = Long.MAX_VALUE;
  private long pendingNowMs;

  TaskMetrics(Metrics metrics, TaskId taskId) {
    this.metrics = metrics;
    Map<String, String> tags = Map.of("task-id", taskId.toString());
    String prefix = "task." + taskId + ".";
    processTotal = metrics.metricName("process-total", GROUP, "Records processed", tags);
    droppedTotal = metrics.metricName("dropped-records-total", GROUP,
        "Records dropped by an exception handler", tags);
    process = metrics.sensor(prefix + "process");
    process.add(metrics.metricName("process-rate", GROUP, "Records processed per second", tags),
        new Rate(new WindowedSum()));
    process.add(processTotal, new CumulativeSum());
    dropped = metrics.sensor(prefix + "dropped-records");
    dropped.add(metrics.metricName("dropped-records-rate", GROUP,
        "Records dropped per second", tags), new Rate(new WindowedCount()));
    dropped.add(droppedTotal, new CumulativeCount());
    endToEndMax = metrics.sensor(prefix + "record-e2e-latency-max");
    endToEndMax.add(metrics.metricName("record-e2e-latency-max", GROUP,
        "Largest wall-clock time minus record timestamp when processed, ms", tags), new Max());
    endToEndMin = metrics.sensor(prefix + "record-e2e-latency-min");
    endToEndMin.add(metrics.metricName("record-e2e-latency-min", GROUP,
        "Smallest wall-clock time minus record timestamp when processed, ms", tags), new Min());
    endToEndAvg = metrics.metricName("record-e2e-latency-avg", GROUP,
        "Average wall-clock time minus record timestamp when processed, ms", tags);
    // Like a sensor, shared by every TaskMetrics of the same task id in these metrics.
    endToEndAverage = (BatchedAverage) metrics.addMetricIfAbsent(endToEndAvg, null,
        new BatchedAverage()).measurable();
  }

  /**
   * A record with timestamp {@code recordTimestampMs} was processed at {@code nowMs}; recorded
   * with the next batch.
   */
  void recordProcessed(long recordTimestampMs, long nowMs) {
    long latency = nowMs - recordTimestampMs;
    pending++;
    pendingLatencySum += latency;
    pendingLatencyMax = Math.max(pendingLatencyMax, latency);
    pendingLatencyMin = Math.min(pendingLatencyMin, latency);
    pendingNowMs = nowMs;
    if (pending >= BATCH) {
      flush();
    }
  }

  /** Records the processed records summed so far; call on the task's thread. */
  void flush() {
    if (pending == 0) {
      return;
    }
    long now = pendingNowMs;
    process.record(pending, now);
    endToEndMax.record(pendingLatencyMax, now);
    endToEndMin.record(pendingLatencyMin, now);
    endToEndAverage.record(metrics.config(), pendingLatencySum, pending, now);
    pending = 0;
    pendingLatencySum = 0;
    pendingLatencyMax = Long.MIN_VALUE;
    pendingLatencyMin = Long.MAX_VALUE;
  }

  void recordDropped() {
    dropped.record();
  }

  /** Records processed, including those not yet flushed; call on the task's thread. */
  double processTotal() {
    flush();
    return (Double) metrics.metric(processTotal).metricValue();
  }

  double droppedTotal() {
    return (Double) metrics.metric(droppedTotal).metricValue();
  }

  void close() {
    flush();
    metrics.removeSensor(process.name());
    metrics.removeSensor(dropped.name());
    metrics.removeSensor(endToEndMax.name());
    metrics.removeSensor(endToEndMin.name());
    metrics.removeMetric(endToEndAvg);
  }

  /**
   * The windowed average of values recorded as (sum, count) batches: total of the sums over
   * total of the counts in the samples not yet expired, {@code NaN} when there are none.
   * Recorded on the task's thread, read by reporter threads.
   */
  static final class BatchedAverage implements Measurable {
    private final WindowedSum sum = new WindowedSum();
    private final WindowedSum count = new WindowedSum();

    synchronized void record(MetricConfig config, long batchSum, int batchCount, long nowMs) {
      sum.record(config, batchSum, nowMs);
      count.record(config, batchCount, nowMs);
    }

    @Override
    public synchronized double measure(MetricConfig config, long nowMs) {
      double total = count.measure(config, nowMs);
      return total == 0 ? Double.NaN : sum.measure(config, nowMs) / total;
    }
  }
}
