package io.sluice.state.internals;

import io.sluice.state.TaskId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * The sensors of one store instance in group {@value #GROUP}, tagged {@code task-id}, {@code
 * store-type} and {@code store-name}. Each operation gets one sensor, created once when the store
 * opens, with {@code <op>-rate} (per second), {@code <op>-total}, and for timed operations {@code
 * <op>-latency-avg} and {@code <op>-latency-max} in nanoseconds. {@link #close()} removes them.
 */
final class StoreMetrics {

  /** The metric group of every store metric. */
  static final String GROUP = "stream-state-metrics";

  private final Metrics metrics;
  private final Map<String, String> tags;
  private final String sensorPrefix;
  private final List<String> sensorNames = new ArrayList<>();

  StoreMetrics(Metrics metrics, TaskId taskId, String storeType, String storeName) {
    this.metrics = metrics;
    this.tags =
        Map.of("task-id", taskId.toString(), "store-type", storeType, "store-name", storeName);
    this.sensorPrefix = "task." + taskId + ".store." + storeType + "." + storeName + ".";
  }

  /** A sensor whose recorded values are operation latencies in nanoseconds. */
  Sensor latencySensor(String operation) {
    Sensor sensor = countSensor(operation);
    sensor.add(
        name(operation + "-latency-avg", "average latency of " + operation + " in ns"), new Avg());
    sensor.add(
        name(operation + "-latency-max", "maximum latency of " + operation + " in ns"), new Max());
    return sensor;
  }

  /**
   * A sensor of a ratio in [0, 1] with {@code <name>-avg}, {@code <name>-min} and {@code
   * <name>-max}.
   */
  Sensor ratioSensor(String name) {
    String sensorName = sensorPrefix + name;
    Sensor sensor = metrics.sensor(sensorName);
    sensorNames.add(sensorName);
    sensor.add(name(name + "-avg", "average " + name), new Avg());
    sensor.add(name(name + "-min", "minimum " + name), new Min());
    sensor.add(name(name + "-max", "maximum " + name), new Max());
    return sensor;
  }

  /** A sensor that counts events: record once per event. */
  Sensor countSensor(String operation) {
    String sensorName = sensorPrefix + operation;
    Sensor sensor = metrics.sensor(sensorName);
    sensorNames.add(sensorName);
    sensor.add(
        name(operation + "-rate", "number of " + operation + " per second"),
        new Rate(TimeUnit.SECONDS, new WindowedCount()));
    sensor.add(name(operation + "-total", "total number of " + operation), new CumulativeCount());
    return sensor;
  }

  /** Removes every sensor created here (and its metrics) from the registry. */
  void close() {
    sensorNames.forEach(metrics::removeSensor);
    sensorNames.clear();
  }

  private MetricName name(String metric, String description) {
    return metrics.metricName(metric, GROUP, description, tags);
  }
}
