package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.it.apps.CrashTopology;
import io.sluice.it.harness.InProcessApps;
import io.sluice.it.harness.ItSettings;
import io.sluice.it.harness.OutputWatcher;
import io.sluice.it.harness.Topics;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.StateRestoreListener;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restoration: an instance is stopped, its state directory deleted ({@code cleanUp()}), and a new
 * instance on the same directory restores the count and seen-id stores from their changelogs;
 * counts continue where they stopped and ids seen before the wipe stay deduplicated.
 */
class RestorationIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  @RegisterExtension final InProcessApps apps = new InProcessApps();
  @TempDir Path stateDir;

  private static final int PARTITIONS = 2;
  private static final int KEYS = 20;

  @Test
  void restoresWipedStateFromTheChangelog() throws IOException {
    KafkaCluster kafka = KAFKA.cluster();
    String app = ItSettings.unique("restore");
    Map<String, String> topics = new HashMap<>();
    for (String t : List.of("input", "copy", "counts", "windows", "dedup")) {
      topics.put(t, kafka.createTopic(app + "-" + t, PARTITIONS, 1, Map.of()));
    }
    int half = 1_000 * ItSettings.scale();
    long t0 = System.currentTimeMillis();
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < 2 * half; i++) {
      int key = i % KEYS;
      // The second half repeats the first half's dedup ids, key by key (half % KEYS == 0).
      String id = "id" + (i % half);
      records.add(new ProducerRecord<>(topics.get("input"), key % PARTITIONS, t0 + i, "k" + key,
          i + ":" + id));
    }
    Properties props = ItSettings.app(kafka, app, stateDir, StreamsConfig.EXACTLY_ONCE_V2);
    props.setProperty(StreamsConfig.STATESTORE_CACHE_MAX_BYTES, "0");
    Properties topologyProps = new Properties();
    topics.forEach((role, topic) -> topologyProps.setProperty("it." + role, topic));

    kafka.produce(records.subList(0, half), new StringSerializer(), new StringSerializer());
    InProcessApps.Instance before =
        apps.create("before", CrashTopology.build(topologyProps), props).start();
    try (OutputWatcher counts = new OutputWatcher(kafka, topics.get("counts"))) {
      counts.awaitLatest(expectedCounts(records.subList(0, half)), Duration.ofSeconds(90));
    }
    assertThat(before.app().close(Duration.ofSeconds(30))).isTrue();
    Path appDir = stateDir.resolve(app);
    assertThat(taskDirectories(appDir)).as("task directories before cleanUp").isNotEmpty();
    before.app().cleanUp();
    assertThat(taskDirectories(appDir)).as("task directories after cleanUp").isEmpty();

    kafka.produce(records.subList(half, 2 * half), new StringSerializer(),
        new StringSerializer());
    InProcessApps.Instance after =
        apps.create("after", CrashTopology.build(topologyProps), props);
    AtomicLong restored = new AtomicLong();
    after.app().setGlobalStateRestoreListener(new StateRestoreListener() {
      @Override
      public void onRestoreStart(TopicPartition partition, String store, long start, long end) {}

      @Override
      public void onRestoreEnd(TopicPartition partition, String store, long total) {}

      @Override
      public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset,
          long count) {
        restored.addAndGet(count);
      }
    });
    after.start();
    try (OutputWatcher counts = new OutputWatcher(kafka, topics.get("counts"))) {
      counts.awaitLatest(expectedCounts(records), Duration.ofSeconds(90));
    }
    // Each of the first half's records wrote the seen-id store, and every key the count store.
    assertThat(restored.get()).as("changelog records restored into the wiped stores")
        .isGreaterThanOrEqualTo(half + KEYS);

    Map<String, List<Long>> perKey = new HashMap<>();
    for (ConsumerRecord<String, String> r :
        Topics.readAll(kafka, topics.get("counts"), IsolationLevel.READ_COMMITTED)) {
      perKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Long.parseLong(r.value()));
    }
    for (List<Long> counts : perKey.values()) {
      List<Long> expected = new ArrayList<>();
      for (long n = 1; n <= counts.size(); n++) {
        expected.add(n);
      }
      assertThat(counts).as("counts continue after the restore, 1..n").isEqualTo(expected);
    }
    assertThat(perKey).hasSize(KEYS);
    List<ConsumerRecord<String, String>> dedup =
        Topics.readAll(kafka, topics.get("dedup"), IsolationLevel.READ_COMMITTED);
    assertThat(dedup).as("ids seen before the wipe are not emitted again").hasSize(half);
    assertThat(after.states()).doesNotContain(StreamsApp.State.ERROR);
  }

  private static Map<String, String> expectedCounts(List<ProducerRecord<String, String>> rs) {
    Map<String, Long> counts = new HashMap<>();
    rs.forEach(r -> counts.merge(r.key(), 1L, Long::sum));
    Map<String, String> text = new HashMap<>();
    counts.forEach((k, v) -> text.put(k, Long.toString(v)));
    return text;
  }

  private static List<Path> taskDirectories(Path appDir) throws IOException {
    if (!Files.isDirectory(appDir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(appDir)) {
      return entries.filter(p -> Files.isDirectory(p)
          && p.getFileName().toString().matches("\\d+_\\d+")).toList();
    }
  }
}
