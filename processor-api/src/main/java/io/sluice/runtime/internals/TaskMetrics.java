package io.sluice.runtime.internals;

import io.sluice.state.TaskId;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MeasurableStat;
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
  private final Sensor endToEndAvgSensor;
  private final MetricName processTotal;
  private final MetricName droppedTotal;
  private final MetricName endToEndAvg;
  private final BatchedAverage endToEndAverage;
  private int pending;
  private long pendingLatencySum;
  private long pendingLatencyMax = Long.MIN_VALUE;
  private long pendingLatencyMin = Long.MAX_VALUE;

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
    endToEndAvgSensor = metrics.sensor(prefix + "record-e2e-latency-avg");
    endToEndAvgSensor.add(endToEndAvg, new BatchedAverage());
    // A sensor (and its stats) is shared by every TaskMetrics of the same task id in these
    // metrics: use the stat registered first.
    endToEndAverage = (BatchedAverage) metrics.metric(endToEndAvg).measurable();
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
    if (pending >= BATCH) {
      flush();
    }
  }

  /** Records the processed records summed so far; call on the task's thread. */
  void flush() {
    if (pending == 0) {
      return;
    }
    // Recorded at the metrics' own clock, like per-record recording was.
    process.record(pending);
    endToEndMax.record(pendingLatencyMax);
    endToEndMin.record(pendingLatencyMin);
    endToEndAverage.nextBatchCount(pending);
    endToEndAvgSensor.record(pendingLatencySum);
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
    metrics.removeSensor(endToEndAvgSensor.name());
  }

  /**
   * The windowed average of values recorded in batches: each recorded value is a batch's sum,
   * counted as {@link #nextBatchCount} values; the measure is the total of the sums over the total
   * of the counts in the samples not yet expired, {@code NaN} when there are none. Its sensor's
   * lock guards both recording (on the task's thread) and measuring (reporter threads).
   */
  static final class BatchedAverage implements MeasurableStat {
    private final WindowedSum sum = new WindowedSum();
    private final WindowedSum count = new WindowedSum();
    private int batchCount = 1;

    /** How many values the next recorded sum stands for. */
    void nextBatchCount(int values) {
      batchCount = values;
    }

    @Override
    public void record(MetricConfig config, double batchSum, long timeMs) {
      sum.record(config, batchSum, timeMs);
      count.record(config, batchCount, timeMs);
    }

    @Override
    public double measure(MetricConfig config, long nowMs) {
      double total = count.measure(config, nowMs);
      return total == 0 ? Double.NaN : sum.measure(config, nowMs) / total;
    }
  }
}
