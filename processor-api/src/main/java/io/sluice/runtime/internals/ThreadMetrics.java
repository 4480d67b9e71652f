package io.sluice.runtime.internals;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.WindowedCount;
import org.apache.kafka.common.metrics.stats.WindowedSum;

/**
 * One stream thread's metrics in group {@value #GROUP}, tagged {@code thread-id} (the thread's
 * name): for {@code poll}, {@code process}, {@code commit} and {@code punctuate}, {@code
 * <op>-rate} and {@code <op>-total} (polls, records processed, commits, punctuator runs) and
 * {@code <op>-latency-avg} / {@code <op>-latency-max} (milliseconds per call, per processing
 * round, per commit, per punctuation round); {@code active-tasks} and {@code standby-tasks}
 * (gauges). Removed when the thread stops. Recorded on the stream thread only.
 */
public final class ThreadMetrics {
  /** The metric group. */
  public static final String GROUP = "stream-thread-metrics";

  private final Metrics metrics;
  private final String prefix;
  private final Map<String, String> tags;
  private final Sensor poll;
  private final Sensor processCount;
  private final Sensor processLatency;
  private final Sensor commit;
  private final Sensor punctuate;
  private final MetricName activeTasks;
  private final MetricName standbyTasks;
  private volatile int active;
  private volatile int standby;

  /** Registers the thread's metrics in {@code metrics}. */
  public ThreadMetrics(Metrics metrics, String threadName) {
    this.metrics = metrics;
    this.prefix = "thread." + threadName + ".";
    this.tags = Map.of("thread-id", threadName);
    poll = latencySensor("poll", "polls of the main consumer");
    processCount = metrics.sensor(prefix + "process");
    processCount.add(name("process-rate", "records processed per second"),
        new Rate(TimeUnit.SECONDS, new WindowedSum()));
    processCount.add(name("process-total", "records processed"), new CumulativeSum());
    processLatency = metrics.sensor(prefix + "process-latency");
    processLatency.add(name("process-latency-avg", "average time of a processing round, ms"),
        new Avg());
    processLatency.add(name("process-latency-max", "longest processing round, ms"), new Max());
    commit = latencySensor("commit", "commits");
    punctuate = latencySensor("punctuate", "punctuation rounds that ran a punctuator");
    activeTasks = name("active-tasks", "active tasks of the thread");
    standbyTasks = name("standby-tasks", "standby and warm-up tasks of the thread");
    metrics.addMetric(activeTasks, (Gauge<Integer>) (config, now) -> active);
    metrics.addMetric(standbyTasks, (Gauge<Integer>) (config, now) -> standby);
  }

  private MetricName name(String name, String description) {
    return metrics.metricName(name, GROUP, description, tags);
  }

  private Sensor latencySensor(String op, String what) {
    Sensor sensor = metrics.sensor(prefix + op);
    sensor.add(name(op + "-rate", what + " per second"), new Rate(TimeUnit.SECONDS,
        new WindowedCount()));
    sensor.add(name(op + "-total", what), new CumulativeCount());
    sensor.add(name(op + "-latency-avg", "average time of " + what + ", ms"), new Avg());
    sensor.add(name(op + "-latency-max", "longest of " + what + ", ms"), new Max());
    return sensor;
  }

  /** One poll that took {@code latencyMs}. */
  public void recordPoll(long latencyMs) {
    poll.record(latencyMs);
  }

  /** A processing round that processed {@code records} records in {@code latencyMs}. */
  public void recordProcess(int records, long latencyMs) {
    if (records > 0) {
      processCount.record(records);
      processLatency.record(latencyMs);
    }
  }

  /** One commit that took {@code latencyMs}. */
  public void recordCommit(long latencyMs) {
    commit.record(latencyMs);
  }

  /** A punctuation round that took {@code latencyMs}. */
  public void recordPunctuate(long latencyMs) {
    punctuate.record(latencyMs);
  }

  /** The thread's current task counts. */
  public void tasks(int activeCount, int standbyCount) {
    this.active = activeCount;
    this.standby = standbyCount;
  }

  /** Removes the thread's metrics. */
  public void close() {
    for (String sensor : new String[] {"poll", "process", "process-latency", "commit",
        "punctuate"}) {
      metrics.removeSensor(prefix + sensor);
    }
    metrics.removeMetric(activeTasks);
    metrics.removeMetric(standbyTasks);
  }
}
