package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.it.apps.WordCountTopology;
import io.sluice.it.harness.InProcessApps;
import io.sluice.it.harness.ItSettings;
import io.sluice.it.harness.OutputWatcher;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.KeyValue;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Word count end to end on a real broker: two sub-topologies joined by a repartition topic the
 * runtime creates, a RocksDB count store, under at-least-once and exactly-once.
 */
class WordCountIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  @RegisterExtension final InProcessApps apps = new InProcessApps();
  @TempDir Path stateDir;

  private static final String[] VOCABULARY = {
    "sluice", "kafka", "stream", "table", "window", "join", "count", "state", "store", "topic",
    "partition", "offset", "commit", "abort", "replica", "leader"};

  @ParameterizedTest
  @ValueSource(strings = {StreamsConfig.AT_LEAST_ONCE, StreamsConfig.EXACTLY_ONCE_V2})
  void countsWordsEndToEnd(String guarantee) {
    KafkaCluster kafka = KAFKA.cluster();
    String input = kafka.createTopic(ItSettings.unique("wc-lines"), 3, 1, Map.of());
    String output = kafka.createTopic(ItSettings.unique("wc-counts"), 3, 1, Map.of());
    Random random = new Random(42);
    List<KeyValue<String, String>> lines = new ArrayList<>();
    Map<String, Long> expected = new HashMap<>();
    for (int i = 0; i < 500 * ItSettings.scale(); i++) {
      StringBuilder line = new StringBuilder();
      for (int w = 0; w < 1 + random.nextInt(8); w++) {
        String word = VOCABULARY[random.nextInt(VOCABULARY.length)];
        String spelled = random.nextBoolean() ? word : word.toUpperCase(Locale.ROOT);
        line.append(spelled).append(w % 3 == 0 ? ", " : " ");
        expected.merge(word, 1L, Long::sum);
      }
      lines.add(KeyValue.pair("line-" + i, line.toString()));
    }
    // Half before the application starts, half while it runs.
    kafka.produce(input, lines.subList(0, lines.size() / 2), new StringSerializer(),
        new StringSerializer());
    Properties props = ItSettings.app(kafka, ItSettings.unique("wc"), stateDir, guarantee);
    InProcessApps.Instance app =
        apps.create("wc", WordCountTopology.build(input, output), props).start();
    app.awaitRunning(Duration.ofSeconds(60));
    kafka.produce(input, lines.subList(lines.size() / 2, lines.size()), new StringSerializer(),
        new StringSerializer());

    Map<String, String> expectedText = new HashMap<>();
    expected.forEach((word, n) -> expectedText.put(word, Long.toString(n)));
    try (OutputWatcher counts = new OutputWatcher(kafka, output)) {
      counts.awaitLatest(expectedText, Duration.ofSeconds(90));
      Map<String, List<Long>> perWord = new HashMap<>();
      for (ConsumerRecord<String, String> r : counts.records()) {
        perWord.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Long.parseLong(r.value()));
      }
      perWord.forEach((word, seq) -> assertThat(seq)
          .as("updates of '%s' only grow, in order", word).isSorted().doesNotHaveDuplicates());
    }
    assertThat(app.uncaught()).isEmpty();
    assertThat(app.states()).doesNotContain(io.sluice.runtime.StreamsApp.State.ERROR);
  }
}
