package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.it.apps.CrashTopology;
import io.sluice.it.harness.GroupAssignments;
import io.sluice.it.harness.InProcessApps;
import io.sluice.it.harness.InputFlow;
import io.sluice.it.harness.ItSettings;
import io.sluice.it.harness.OutputWatcher;
import io.sluice.it.harness.Topics;
import io.sluice.runtime.StreamsConfig;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scaling out and in while input flows: one instance (one stream thread) takes a 6-partition
 * input, two more join, one leaves. After each change the group settles with every task once,
 * active tasks per thread differing by at most one, and only the tasks that had to move moved;
 * at the end every input was copied and every key's count is right (exactly once and exact
 * under exactly-once; at least once and at least the count under at-least-once).
 */
class ScaleOutInIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  @RegisterExtension final InProcessApps apps = new InProcessApps();
  @TempDir Path tmp;

  private static final int PARTITIONS = 6;
  private static final int KEYS = 30;
  private static final Duration SETTLE = Duration.ofSeconds(60);

  @Test
  void scalesOutAndInUnderExactlyOnce() {
    scalesOutAndInWhileInputFlows(StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void scalesOutAndInUnderAtLeastOnce() {
    scalesOutAndInWhileInputFlows(StreamsConfig.AT_LEAST_ONCE);
  }

  /** The scenario under {@code guarantee}. */
  private void scalesOutAndInWhileInputFlows(String guarantee) {
    boolean eos = guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2);
    KafkaCluster kafka = KAFKA.cluster();
    String app = ItSettings.unique("scale");
    Map<String, String> topics = new HashMap<>();
    for (String t : List.of("input", "copy", "counts", "windows", "dedup")) {
      topics.put(t, kafka.createTopic(app + "-" + t, PARTITIONS, 1, Map.of()));
    }
    String input = topics.get("input");
    String a = app + "-inst-a";
    String b = app + "-inst-b";
    String c = app + "-inst-c";

    InProcessApps.Instance first = start(kafka, app, a, topics, guarantee);
    first.awaitRunning(SETTLE);
    Map<String, Set<Integer>> one =
        GroupAssignments.awaitComplete(kafka, app, input, PARTITIONS, List.of(a), SETTLE);
    assertThat(one.get(a)).hasSize(PARTITIONS);

    long t0 = System.currentTimeMillis();
    try (InputFlow flow = new InputFlow(kafka, i -> {
      int key = i % KEYS;
      return new ProducerRecord<>(input, key % PARTITIONS, t0 + i, "k" + key, i + ":id" + i);
    }, 50 * ItSettings.scale(), 50)) {
      start(kafka, app, b, topics, guarantee);
      Map<String, Set<Integer>> two =
          GroupAssignments.awaitComplete(kafka, app, input, PARTITIONS, List.of(a, b), SETTLE);
      assertBalanced(two);
      assertThat(one.get(a)).as("a kept a subset of its tasks: %s -> %s", one, two)
          .containsAll(two.get(a));

      InProcessApps.Instance third = start(kafka, app, c, topics, guarantee);
      Map<String, Set<Integer>> three = GroupAssignments.awaitComplete(kafka, app, input,
          PARTITIONS, List.of(a, b, c), SETTLE);
      assertBalanced(three);
      assertThat(two.get(a)).as("a kept a subset of its tasks: %s -> %s", two, three)
          .containsAll(three.get(a));
      assertThat(two.get(b)).as("b kept a subset of its tasks: %s -> %s", two, three)
          .containsAll(three.get(b));
      int sentBeforeLeave = flow.sentCount();

      assertThat(third.app().close(Duration.ofSeconds(30))).as("c closed in time").isTrue();
      Map<String, Set<Integer>> afterLeave =
          GroupAssignments.awaitComplete(kafka, app, input, PARTITIONS, List.of(a, b), SETTLE);
      assertBalanced(afterLeave);
      assertThat(afterLeave.get(a)).as("a kept its tasks: %s -> %s", three, afterLeave)
          .containsAll(three.get(a));
      assertThat(afterLeave.get(b)).as("b kept its tasks: %s -> %s", three, afterLeave)
          .containsAll(three.get(b));
      KafkaCluster.waitUntil(() -> flow.sentCount() > sentBeforeLeave, SETTLE,
          "input still flowing after the leave");

      List<ProducerRecord<String, String>> sent = flow.stop();
      Map<String, String> expectedCounts = new HashMap<>();
      Map<String, Long> perKey = new HashMap<>();
      sent.forEach(r -> perKey.merge(r.key(), 1L, Long::sum));
      perKey.forEach((k, v) -> expectedCounts.put(k, Long.toString(v)));
      try (OutputWatcher counts = new OutputWatcher(kafka, topics.get("counts"))) {
        if (eos) {
          counts.awaitLatest(expectedCounts, Duration.ofSeconds(90));
        } else {
          counts.awaitUntil(w -> perKey.entrySet().stream().allMatch(e ->
              w.latest().get(e.getKey()) != null
                  && Long.parseLong(w.latest().get(e.getKey())) >= e.getValue()),
              Duration.ofSeconds(90), "every key reached at least its count (at-least-once)");
        }
      }
      List<ConsumerRecord<String, String>> copy =
          Topics.readAll(kafka, topics.get("copy"), IsolationLevel.READ_COMMITTED);
      Set<String> sentValues = new HashSet<>();
      sent.forEach(r -> sentValues.add(r.value()));
      Set<String> copied = new HashSet<>();
      copy.forEach(r -> copied.add(r.value()));
      assertThat(copied).as("every input copied").isEqualTo(sentValues);
      if (eos) {
        assertThat(copy).as("every input copied exactly once").hasSize(sent.size());
      }
    }
  }

  private InProcessApps.Instance start(KafkaCluster kafka, String app, String clientId,
      Map<String, String> topics, String guarantee) {
    Properties props = ItSettings.app(kafka, app, tmp.resolve(clientId), guarantee);
    props.setProperty(StreamsConfig.CLIENT_ID, clientId);
    props.setProperty(StreamsConfig.STATESTORE_CACHE_MAX_BYTES, "0");
    Properties topologyProps = new Properties();
    topics.forEach((role, topic) -> topologyProps.setProperty("it." + role, topic));
    return apps.create(clientId, CrashTopology.build(topologyProps), props).start();
  }

  private static void assertBalanced(Map<String, Set<Integer>> assignment) {
    IntSummaryStatistics sizes =
        assignment.values().stream().mapToInt(Set::size).summaryStatistics();
    assertThat(sizes.getMax() - sizes.getMin())
        .as("active tasks per thread differ by at most one: %s", assignment)
        .isLessThanOrEqualTo(1);
  }
}
