package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.Topology;
import io.sluice.runtime.internals.ThreadMetrics;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Properties;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsJmxTest {
  @TempDir Path stateDir;
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @Test
  void instanceMetricsAreMBeansInTheSluiceDomain() throws Exception {
    Topology topology = new Topology();
    topology.addSource("src", new ByteArrayDeserializer(), new ByteArrayDeserializer(), "in");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID, "jmx-app");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS, "localhost:9");
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    props.put(StreamsConfig.CLIENT_ID, "jmx-client");
    ObjectName name = new ObjectName("sluice:type=stream-metrics,client-id=jmx-client");
    StreamsApp app = new StreamsApp(topology, props);
    try {
      assertThat(server.getAttribute(name, "state")).isEqualTo("CREATED");
      assertThat(server.getAttribute(name, "alive-stream-threads")).isEqualTo(0);
      assertThat(server.getAttribute(name, "application-id")).isEqualTo("jmx-app");
      assertThat(app.metrics().keySet()).extracting(MetricName::group)
          .contains("stream-metrics");
    } finally {
      app.close();
    }
    assertThat(server.isRegistered(name)).isFalse();
  }

  @Test
  void threadMetricsCountAndTime() throws Exception {
    try (Metrics metrics = new Metrics(new MetricConfig(), java.util.List.of(new JmxReporter()),
        Time.SYSTEM, new KafkaMetricsContext("sluice"))) {
      ThreadMetrics thread = new ThreadMetrics(metrics, "t-1");
      thread.recordPoll(4);
      thread.recordPoll(2);
      thread.recordProcess(10, 8);
      thread.recordProcess(0, 100);
      thread.recordCommit(3);
      thread.tasks(2, 1);
      ObjectName name = new ObjectName("sluice:type=stream-thread-metrics,thread-id=t-1");
      assertThat(server.getAttribute(name, "poll-total")).isEqualTo(2.0);
      assertThat(server.getAttribute(name, "poll-latency-max")).isEqualTo(4.0);
      assertThat(server.getAttribute(name, "poll-latency-avg")).isEqualTo(3.0);
      assertThat(server.getAttribute(name, "process-total")).isEqualTo(10.0);
      assertThat(server.getAttribute(name, "process-latency-max")).isEqualTo(8.0);
      assertThat(server.getAttribute(name, "commit-total")).isEqualTo(1.0);
      assertThat(server.getAttribute(name, "active-tasks")).isEqualTo(2);
      assertThat(server.getAttribute(name, "standby-tasks")).isEqualTo(1);
      thread.close();
      assertThat(server.isRegistered(name)).isFalse();
    }
  }
}
