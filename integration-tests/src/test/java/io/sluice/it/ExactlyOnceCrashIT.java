package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.it.apps.ChildRunner;
import io.sluice.it.apps.CrashAppMain;
import io.sluice.it.apps.CrashTopology;
import io.sluice.it.apps.DslCrashTopology;
import io.sluice.it.harness.ChildJvm;
import io.sluice.it.harness.ChildJvms;
import io.sluice.it.harness.InputFlow;
import io.sluice.it.harness.ItSettings;
import io.sluice.it.harness.OutputWatcher;
import io.sluice.it.harness.Topics;
import io.sluice.runtime.StreamsConfig;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three application instances in child JVMs process a 6-partition input (100,000 records; 5x
 * under {@code -Pchaos}) through {@link DslCrashTopology} (the DSL's count, emit-on-window-close
 * count and deduplicate, all uncached) while one of them is killed with SIGKILL 3 times (15 under
 * chaos) in the middle of processing and restarted. Under exactly-once the
 * committed output is exact (every input once in the copy, counts 1..n per key, one final
 * result per closed window, every dedup id once), at least one transaction was aborted and at
 * least one task restored its state from a changelog. Under at-least-once nothing is lost.
 */
class ExactlyOnceCrashIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  @RegisterExtension final ChildJvms children = new ChildJvms();
  @TempDir Path tmp;

  private static final int PARTITIONS = 6;
  private static final int KEYS = 60;
  private static final long WINDOW_MS = 10_000;
  private static final long STEP_MS = 2;

  @BeforeEach
  void names(TestInfo info) {
    children.naming(getClass(), info.getDisplayName());
  }

  /** The generated input and what the topology must make of it. */
  private static final class Input {
    final List<ProducerRecord<String, String>> records = new ArrayList<>();
    final Map<String, Long> countPerKey = new TreeMap<>();
    final Set<String> dedupIds = new HashSet<>();
    final Map<String, Long> closedWindows = new HashMap<>();

    Input(String topic, int n) {
      long t0 = System.currentTimeMillis() / WINDOW_MS * WINDOW_MS - 3_600_000;
      long[] maxTs = new long[PARTITIONS];
      Map<String, Long> allWindows = new HashMap<>();
      for (int i = 0; i < n; i++) {
        int keyIndex = i % KEYS;
        String key = "k" + keyIndex;
        int partition = keyIndex % PARTITIONS;
        long occurrence = i / KEYS;
        String dedupId = key + "-" + occurrence / 2;
        long ts = t0 + i * STEP_MS;
        records.add(new ProducerRecord<>(topic, partition, ts, key, i + ":" + dedupId));
        countPerKey.merge(key, 1L, Long::sum);
        dedupIds.add(dedupId);
        maxTs[partition] = Math.max(maxTs[partition], ts);
        allWindows.merge(CrashTopology.windowKey(key, ts - ts % WINDOW_MS), 1L, Long::sum);
      }
      allWindows.forEach((windowKey, count) -> {
        int at = windowKey.indexOf('@');
        int partition = Integer.parseInt(windowKey.substring(1, at)) % PARTITIONS;
        long start = Long.parseLong(windowKey.substring(at + 1));
        if (start + WINDOW_MS <= maxTs[partition]) {
          closedWindows.put(windowKey, count);
        }
      });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE})
  void survivesRepeatedKillNine(String guarantee) {
    long began = System.nanoTime();
    boolean eos = guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2);
    KafkaCluster kafka = KAFKA.cluster();
    int n = 100_000 * ItSettings.scale();
    int kills = 3 * ItSettings.scale();
    String app = ItSettings.unique("crash-" + (eos ? "eos" : "alos"));
    Map<String, String> topics = new TreeMap<>();
    for (String t : List.of("input", "copy", "counts", "windows", "suppressed", "dedup")) {
      topics.put(t, kafka.createTopic(app + "-" + t, PARTITIONS, 1, Map.of()));
    }
    Input input = new Input(topics.get("input"), n);

    List<ChildJvm> jvms = new ArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      Properties props = ItSettings.app(kafka, app, tmp.resolve("state-" + name), guarantee);
      props.setProperty(StreamsConfig.STATESTORE_CACHE_MAX_BYTES, "0");
      // A restarted victim lags behind its tasks' changelogs; without this the assignor keeps
      // the active tasks on the others and gives it warm-ups until the next probing rebalance.
      props.setProperty(StreamsConfig.ACCEPTABLE_RECOVERY_LAG, "1000000000");
      topics.forEach((role, topic) -> props.setProperty("it." + role, topic));
      props.setProperty("it.window.ms", Long.toString(WINDOW_MS));
      String file = ItSettings.write(props, tmp.resolve(name + ".properties"));
      jvms.add(children.start(name, CrashAppMain.class, file));
    }
    for (ChildJvm jvm : jvms) {
      jvm.awaitRunning(Duration.ofSeconds(90));
    }
    long started = System.nanoTime();

    ChildJvm victim = jvms.get(0);
    // About 2,500 records a second, so the input flows during every kill and restart.
    try (InputFlow flow = new InputFlow(kafka,
        i -> i < n ? input.records.get(i) : null, 125, 50)) {
      for (int k = 0; k < kills; k++) {
        killWhileProcessing(victim, flow);
        victim.start();
      }
      KafkaCluster.waitUntil(flow::exhausted, Duration.ofSeconds(120L * ItSettings.scale()),
          "all input sent");
      assertThat(flow.stop()).hasSize(n);
    }

    Duration finish = Duration.ofSeconds(120L * ItSettings.scale());
    try (OutputWatcher copy = new OutputWatcher(kafka, topics.get("copy"))) {
      copy.awaitUntil(w -> distinctValues(w.records()).size() == n, finish,
          "every input record reached the copy");
    }
    try (OutputWatcher counts = new OutputWatcher(kafka, topics.get("counts"))) {
      counts.awaitUntil(w -> reachedCounts(w.latest(), input.countPerKey), finish,
          "every key reached its final count");
    }
    long processed = System.nanoTime();
    for (ChildJvm jvm : jvms) {
      assertThat(jvm.closeGracefully(Duration.ofSeconds(90)))
          .as("exit code of %s; log %s", jvm.name(), jvm.logFile()).isZero();
    }

    List<ConsumerRecord<String, String>> copy =
        Topics.readAll(kafka, topics.get("copy"), IsolationLevel.READ_COMMITTED);
    List<ConsumerRecord<String, String>> counts =
        Topics.readAll(kafka, topics.get("counts"), IsolationLevel.READ_COMMITTED);
    List<ConsumerRecord<String, String>> windows =
        Topics.readAll(kafka, topics.get("windows"), IsolationLevel.READ_COMMITTED);
    List<ConsumerRecord<String, String>> suppressed =
        Topics.readAll(kafka, topics.get("suppressed"), IsolationLevel.READ_COMMITTED);
    List<ConsumerRecord<String, String>> dedup =
        Topics.readAll(kafka, topics.get("dedup"), IsolationLevel.READ_COMMITTED);
    Set<String> inputValues = new HashSet<>();
    input.records.forEach(r -> inputValues.add(r.value()));

    assertThat(distinctValues(copy)).as("no input lost in the copy").isEqualTo(inputValues);
    assertThat(victim.incarnations()).isEqualTo(kills + 1);
    String diagnosis = " (logs in " + children.logDir() + ")";
    if (eos) {
      assertThat(copy).as("every input exactly once in the copy" + diagnosis).hasSize(n);
      long withAborted =
          Topics.readAll(kafka, topics.get("copy"), IsolationLevel.READ_UNCOMMITTED).size();
      assertThat(withAborted).as("records of aborted transactions exist in the copy topic"
          + diagnosis).isGreaterThan(copy.size());
      long restored =
          jvms.stream().mapToLong(j -> j.maxCounterEver(ChildRunner.RESTORED_RECORDS)).sum();
      assertThat(restored).as("changelog records restored (restore listeners of all"
          + " instances)" + diagnosis).isPositive();

      Map<String, List<Long>> perKey = valuesPerKey(counts);
      input.countPerKey.forEach((key, total) -> {
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= total; i++) {
          expected.add(i);
        }
        assertThat(perKey.get(key)).as("counts of %s: 1..%d, no gap, no repeat", key, total)
            .isEqualTo(expected);
      });
      assertOneFinalResultPerClosedWindow(windows, input.closedWindows, "emit on window close");
      assertOneFinalResultPerClosedWindow(suppressed, input.closedWindows,
          "suppress until window closes");
      List<String> ids = dedup.stream().map(ConsumerRecord::value).toList();
      assertThat(ids).as("every dedup id once").doesNotHaveDuplicates();
      assertThat(new HashSet<>(ids)).isEqualTo(input.dedupIds);
    } else {
      Map<String, List<Long>> perKey = valuesPerKey(counts);
      input.countPerKey.forEach((key, total) -> assertThat(perKey.get(key))
          .as("the last count of %s reaches at least %d", key, total)
          .isNotEmpty().last().matches(last -> last >= total));
    }
    long uncommitted =
        Topics.readAll(kafka, topics.get("copy"), IsolationLevel.READ_UNCOMMITTED).size();
    System.out.printf("%s: %d records, %d kills; copy %d committed, %d incl. aborted;"
        + " restored records %d; start %.1f s, processing %.1f s, total %.1f s%n", guarantee,
        n, kills, copy.size(), uncommitted,
        jvms.stream().mapToLong(j -> j.maxCounterEver(ChildRunner.RESTORED_RECORDS)).sum(),
        (started - began) / 1e9, (processed - started) / 1e9,
        (System.nanoTime() - began) / 1e9);
  }

  private static void assertOneFinalResultPerClosedWindow(
      List<ConsumerRecord<String, String>> results, Map<String, Long> closed, String how) {
    Map<String, Long> windowResults = new HashMap<>();
    for (ConsumerRecord<String, String> r : results) {
      Long before = windowResults.put(r.key(), Long.parseLong(r.value()));
      assertThat(before).as("%s: a second final result for window %s", how, r.key()).isNull();
    }
    assertThat(windowResults).as("%s: one final result per closed window", how)
        .isEqualTo(closed);
  }

  /**
   * Waits until the victim's current incarnation has processed records and is still processing
   * (two different counts reported), then kills it: with input flowing and commits every 100 ms,
   * it holds an open transaction (under exactly-once) at that moment. Once all input is sent, a
   * victim that has processed anything may be killed even if it has caught up.
   */
  private static void killWhileProcessing(ChildJvm victim, InputFlow flow) {
    long[] first = {-1};
    KafkaCluster.waitUntil(() -> {
      if (!victim.isAlive()) {
        throw new AssertionError("victim died by itself; log tail:\n" + victim.logTail());
      }
      long now = victim.currentCounter(CrashTopology.PROCESSED).orElse(0L);
      if (now == 0) {
        return false;
      }
      if (first[0] < 0) {
        first[0] = now;
        return flow.exhausted();
      }
      return now > first[0] || flow.exhausted();
    }, Duration.ofSeconds(120L * ItSettings.scale()),
        "victim " + victim.name() + " processing records (log " + victim.logFile() + ")");
    victim.kill();
  }

  private static Set<String> distinctValues(List<ConsumerRecord<String, String>> records) {
    Set<String> values = new HashSet<>();
    records.forEach(r -> values.add(r.value()));
    return values;
  }

  private static boolean reachedCounts(Map<String, String> latest, Map<String, Long> expected) {
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      String value = latest.get(e.getKey());
      if (value == null || Long.parseLong(value) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, List<Long>> valuesPerKey(List<ConsumerRecord<String, String>> rs) {
    Map<String, List<Long>> perKey = new HashMap<>();
    for (ConsumerRecord<String, String> r : rs) {
      perKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Long.parseLong(r.value()));
    }
    return perKey;
  }
}
