package io.sluice.runtime.internals;

import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;

/**
 * The instance's metrics in group {@value #GROUP}, tagged {@code client-id} (the client id
 * prefix): {@code state} (the instance state's name), {@code alive-stream-threads}, {@code
 * application-id} and {@code process-id} (constant gauges, for dashboards).
 */
public final class InstanceMetrics {
  /** The metric group. */
  public static final String GROUP = "stream-metrics";

  private InstanceMetrics() {}

  /** Registers the gauges in {@code metrics}; they go when the registry closes. */
  public static void register(Metrics metrics, String clientId, String applicationId,
      String processId, Supplier<String> state, IntSupplier aliveThreads) {
    Map<String, String> tags = Map.of("client-id", clientId);
    metrics.addMetric(metrics.metricName("state", GROUP, "the instance's state", tags),
        (Gauge<String>) (config, now) -> state.get());
    metrics.addMetric(metrics.metricName("alive-stream-threads", GROUP,
        "stream threads currently alive", tags),
        (Gauge<Integer>) (config, now) -> aliveThreads.getAsInt());
    metrics.addMetric(metrics.metricName("application-id", GROUP, "the application id", tags),
        (Gauge<String>) (config, now) -> applicationId);
    metrics.addMetric(metrics.metricName("process-id", GROUP, "the persistent process id", tags),
        (Gauge<String>) (config, now) -> processId);
  }
}
