package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.StreamsBuilder;
import io.sluice.it.harness.ItSettings;
import io.sluice.processor.AutoOffsetReset;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsUncaughtExceptionHandler.Response;
import io.sluice.state.KeyValue;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-source offset reset policies on a real broker, for a group with no committed offsets: an
 * {@code EARLIEST} source reads what its topic held before the start, a {@code LATEST} source
 * (named or by pattern) only what is written once the application runs, and a {@code NONE}
 * source stops the application with an error naming its topic.
 */
@Timeout(60)
class OffsetResetPolicyIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  private static final StringSerializer STRINGS = new StringSerializer();

  @TempDir Path tmp;

  private static Consumed<String, String> consumed(AutoOffsetReset policy) {
    return Consumed.with(Serdes.String(), Serdes.String()).withOffsetResetPolicy(policy);
  }

  private static void produce(KafkaCluster kafka, String topic, String... values) {
    List<KeyValue<String, String>> records = new java.util.ArrayList<>();
    for (String value : values) {
      records.add(new KeyValue<>("k", value));
    }
    kafka.produce(topic, records, STRINGS, STRINGS);
  }

  private Properties props(KafkaCluster kafka, String app) {
    return ItSettings.app(kafka, app, tmp.resolve(app), StreamsConfig.AT_LEAST_ONCE);
  }

  @Test
  void earliestSourcesReadTheBacklogAndLatestSourcesOnlyNewRecords() {
    KafkaCluster kafka = KAFKA.cluster();
    String app = ItSettings.unique("reset");
    String early = kafka.createTopic(app + "-early", 2, 1, Map.of());
    String late = kafka.createTopic(app + "-late", 2, 1, Map.of());
    String metrics = kafka.createTopic(app + "-metrics-cpu", 1, 1, Map.of());
    String out = kafka.createTopic(app + "-out", 1, 1, Map.of());
    produce(kafka, early, "early-old-1", "early-old-2");
    produce(kafka, late, "late-old-1", "late-old-2");
    produce(kafka, metrics, "metrics-old-1");

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(early, consumed(AutoOffsetReset.EARLIEST)).to(out);
    builder.stream(late, consumed(AutoOffsetReset.LATEST)).to(out);
    builder.stream(Pattern.compile(Pattern.quote(app + "-metrics-") + ".*"),
        consumed(AutoOffsetReset.LATEST)).to(out);
    try (StreamsApp streams = new StreamsApp(builder.build(), props(kafka, app))) {
      streams.start();
      KafkaCluster.waitUntil(() -> streams.state() == StreamsApp.State.RUNNING,
          Duration.ofSeconds(30), "the application runs with its assignment");
      produce(kafka, late, "late-new");
      produce(kafka, metrics, "metrics-new");
      produce(kafka, early, "early-new");
      List<ConsumerRecord<String, String>> output = kafka.consume(out, 5,
          Duration.ofSeconds(30), new StringDeserializer(), new StringDeserializer());
      assertThat(output).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(
          "early-old-1", "early-old-2", "early-new", "late-new", "metrics-new");
    }
  }

  @Test
  void aNoneSourceWithoutCommittedOffsetsStopsTheAppNamingTheTopic() {
    KafkaCluster kafka = KAFKA.cluster();
    String app = ItSettings.unique("reset-none");
    String strict = kafka.createTopic(app + "-strict", 1, 1, Map.of());
    String out = kafka.createTopic(app + "-out", 1, 1, Map.of());
    produce(kafka, strict, "v");

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(strict, consumed(AutoOffsetReset.NONE)).to(out);
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    try (StreamsApp streams = new StreamsApp(builder.build(), props(kafka, app))) {
      streams.setUncaughtExceptionHandler(e -> {
        errors.add(e);
        return Response.SHUTDOWN_CLIENT;
      });
      streams.start();
      KafkaCluster.waitUntil(() -> streams.state() == StreamsApp.State.ERROR,
          Duration.ofSeconds(30), "the application stops in ERROR");
    }
    assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage())
        .contains(strict + "-0 has no committed offset").contains("policy is none"));
  }
}
