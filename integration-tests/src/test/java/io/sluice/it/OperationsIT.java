package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.it.harness.InProcessApps;
import io.sluice.runtime.ApplicationReset;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.KeyValue;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations on a real broker: the documented metrics (docs/metrics.md) are MBeans in the {@code
 * sluice} JMX domain while an instance runs, and the application reset refuses to run while the
 * group has members, then deletes the internal topics, rewinds the input offsets and removes the
 * local state.
 */
@Timeout(240)
class OperationsIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  @RegisterExtension final InProcessApps apps = new InProcessApps();
  private static final int RECORDS = 200;

  @TempDir Path stateDir;
  @TempDir Path otherStateDir;

  private Properties props(String appId) {
    Properties props = new Properties();
    props.putAll(KAFKA.cluster().clientProperties());
    props.put(StreamsConfig.APPLICATION_ID, appId);
    props.put(StreamsConfig.CLIENT_ID, appId + "-client");
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS, 200L);
    props.put("consumer.session.timeout.ms", 6000);
    props.put("consumer.heartbeat.interval.ms", 500);
    return props;
  }

  private static String[] topics(KafkaCluster kafka, String appId) {
    String input = kafka.createTopic(appId + "-input", 2, 1, Map.of());
    String output = kafka.createTopic(appId + "-output", 2, 1, Map.of());
    produce(kafka, input);
    return new String[] {input, output};
  }

  private static void produce(KafkaCluster kafka, String input) {
    List<KeyValue<String, String>> records = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      records.add(new KeyValue<>("key-" + (i % 10), "v" + i));
    }
    kafka.produce(input, records, new StringSerializer(), new StringSerializer());
  }

  /** A numeric MBean attribute, or -1 while the MBean is not registered yet. */
  private static double attribute(MBeanServer server, ObjectName name, String attribute) {
    try {
      return number(server.getAttribute(name, attribute));
    } catch (javax.management.JMException e) {
      return -1;
    }
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  /**
   * Two instances of one application in this JVM: every MBean carries its instance's {@code
   * client-id}, so the task and store MBeans of one do not overwrite the other's.
   */
  @Test
  void documentedMetricsAreReadableOverJmx() throws Exception {
    KafkaCluster kafka = KAFKA.cluster();
    String appId = "ops-jmx-" + System.nanoTime();
    String input = kafka.createTopic(appId + "-input", 2, 1, Map.of());
    String output = kafka.createTopic(appId + "-output", 2, 1, Map.of());
    String[] clients = {appId + "-client", appId + "-other"};
    Properties second = props(appId);
    second.put(StreamsConfig.CLIENT_ID, clients[1]);
    second.put(StreamsConfig.STATE_DIR, otherStateDir.toString());
    InProcessApps.Instance instance = apps.create("jmx",
        InteractiveQueriesIT.topology(input, output), props(appId)).start();
    apps.create("jmx-other", InteractiveQueriesIT.topology(input, output), second).start();
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName[] threads = new ObjectName[2];
    for (int i = 0; i < 2; i++) {
      threads[i] = new ObjectName("sluice:type=stream-thread-metrics,client-id=" + clients[i]
          + ",thread-id=" + clients[i] + "-StreamThread-1");
    }
    KafkaCluster.waitUntil(() -> attribute(server, threads[0], "active-tasks") == 1
        && attribute(server, threads[1], "active-tasks") == 1, Duration.ofSeconds(60),
        "each instance owns one of the two tasks");
    produce(kafka, input);
    KafkaCluster.waitUntil(() -> attribute(server, threads[0], "process-total")
        + attribute(server, threads[1], "process-total") >= RECORDS
        && attribute(server, threads[0], "commit-total") > 0, Duration.ofSeconds(60),
        "the threads processed every record and committed");
    ObjectName client = new ObjectName("sluice:type=stream-metrics,client-id=" + clients[0]);
    assertThat(server.getAttribute(client, "state")).isEqualTo("RUNNING");
    assertThat(server.getAttribute(client, "alive-stream-threads")).isEqualTo(1);
    assertThat(number(server.getAttribute(threads[0], "poll-total"))).isPositive();
    assertThat(number(server.getAttribute(threads[0], "poll-latency-avg"))).isNotNegative();
    Set<ObjectName> tasks = new java.util.HashSet<>();
    for (String clientId : clients) {
      tasks.addAll(server.queryNames(new ObjectName(
          "sluice:type=stream-task-metrics,client-id=" + clientId + ",*"), null));
    }
    assertThat(tasks).extracting(n -> n.getKeyProperty("task-id"))
        .containsExactlyInAnyOrder("0_0", "0_1");
    double processed = 0;
    for (ObjectName task : tasks) {
      processed += number(server.getAttribute(task, "process-total"));
    }
    assertThat(processed).isEqualTo(RECORDS);
    ObjectName task0 = tasks.stream().filter(n -> "0_0".equals(n.getKeyProperty("task-id")))
        .findFirst().orElseThrow();
    assertThat(number(server.getAttribute(task0, "record-e2e-latency-max")))
        .isGreaterThanOrEqualTo(number(server.getAttribute(task0, "record-e2e-latency-min")))
        .isNotNegative();
    KafkaCluster.waitUntil(() -> attribute(server, task0, "records-lag") == 0,
        Duration.ofSeconds(30), "task 0_0 reports records-lag 0 once everything is processed");
    Set<ObjectName> stores = server.queryNames(new ObjectName(
        "sluice:type=stream-state-metrics,client-id=" + clients[0] + ",*"), null);
    assertThat(stores).isNotEmpty();
    ObjectName store = stores.stream()
        .filter(n -> "counts".equals(n.getKeyProperty("store-name"))).findFirst().orElseThrow();
    assertThat(number(server.getAttribute(store, "put-total"))).isPositive();
    // Consumer lag comes from the consumer's own metrics, merged into metrics().
    assertThat(instance.app().metrics().keySet()).extracting(MetricName::name)
        .contains("records-lag-max");
  }

  @Test
  void resetRefusesWhileMembersAreActiveThenRewindsAndCleansUp() throws Exception {
    KafkaCluster kafka = KAFKA.cluster();
    String appId = "ops-reset-" + System.nanoTime();
    String[] topics = topics(kafka, appId);
    InProcessApps.Instance instance = apps.create("reset",
        InteractiveQueriesIT.topology(topics[0], topics[1]), props(appId)).start();
    instance.awaitRunning(Duration.ofSeconds(60));
    String changelog = appId + "-counts-changelog";
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      KafkaCluster.waitUntil(() -> committedSum(admin, appId) == RECORDS,
          Duration.ofSeconds(60), "every input record committed");
      ApplicationReset reset = ApplicationReset.forApplication(appId)
          .inputTopics(List.of(topics[0])).toEarliest().stateDir(stateDir);
      assertThatThrownBy(() -> reset.run(admin)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'" + appId + "'").hasMessageContaining("1 active member");
      assertThat(instance.app().close(Duration.ofSeconds(30))).isTrue();
      assertThat(Files.exists(stateDir.resolve(appId))).isTrue();
      assertThat(admin.listTopics().names().get()).contains(changelog);

      ApplicationReset.Result result = reset.run(admin);

      assertThat(result.deletedTopics()).containsExactly(changelog);
      assertThat(result.resetOffsets()).containsOnlyKeys(new TopicPartition(topics[0], 0),
          new TopicPartition(topics[0], 1)).allSatisfy((tp, offset) -> assertThat(offset)
              .isZero());
      assertThat(committedSum(admin, appId)).isZero();
      assertThat(Files.exists(stateDir.resolve(appId))).isFalse();
      KafkaCluster.waitUntil(() -> {
        try {
          return !admin.listTopics().names().get().contains(changelog);
        } catch (Exception e) {
          return false;
        }
      }, Duration.ofSeconds(30), "the changelog topic is gone");
    }
  }

  private static long committedSum(Admin admin, String group) {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      return offsets.values().stream().filter(o -> o != null)
          .mapToLong(OffsetAndMetadata::offset).sum();
    } catch (Exception e) {
      return -1;
    }
  }
}
