package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.it.harness.InProcessApps;
import io.sluice.it.harness.InputFlow;
import io.sluice.runtime.StreamsConfig;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once across a broker failure: on three brokers, with replication factor 3 and {@code
 * min.insync.replicas=2} for input, output and internal topics, a broker is killed (SIGKILL)
 * while an exactly-once application counts per key, then restarted. Read committed, every key's
 * output is exactly its counts 1, 2, …, n in order: nothing lost, nothing duplicated.
 */
@Timeout(480)
class BrokerFailureEosIT {
  @RegisterExtension
  static final KafkaClusterExtension KAFKA =
      KafkaClusterExtension.with(KafkaCluster.builder().brokers(3));
  @RegisterExtension final InProcessApps apps = new InProcessApps();
  private static final int RECORDS = 20_000;
  private static final int KEYS = 200;
  private static final Map<String, String> DURABLE = Map.of("min.insync.replicas", "2");

  @TempDir Path stateDir;

  @Test
  void killingABrokerLosesAndDuplicatesNothing() {
    KafkaCluster kafka = KAFKA.cluster();
    String appId = "broker-kill-" + System.nanoTime();
    String input = kafka.createTopic(appId + "-input", 3, 3, DURABLE);
    String output = kafka.createTopic(appId + "-output", 3, 3, DURABLE);
    Properties props = new Properties();
    props.putAll(kafka.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID, appId);
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.REPLICATION_FACTOR, 3);
    props.put(StreamsConfig.topicPrefix("min.insync.replicas"), "2");
    props.put("consumer.session.timeout.ms", 10_000);
    props.put("consumer.heartbeat.interval.ms", 500);
    InProcessApps.Instance app = apps.create("eos", InteractiveQueriesIT.topology(input, output),
        props).start();
    app.awaitRunning(Duration.ofSeconds(90));

    try (InputFlow flow = new InputFlow(kafka, i -> i < RECORDS
        ? new ProducerRecord<>(input, "key-" + (i % KEYS), "v" + i) : null, 50, 50)) {
      KafkaCluster.waitUntil(() -> flow.sentCount() >= RECORDS / 4, Duration.ofSeconds(60),
          "a quarter of the input sent");
      kafka.killBroker(1);
      KafkaCluster.waitUntil(() -> flow.sentCount() >= RECORDS / 2, Duration.ofSeconds(120),
          "half of the input sent with a broker down");
      kafka.startBroker(1);
      KafkaCluster.waitUntil(flow::exhausted, Duration.ofSeconds(180), "all input sent");
      flow.stop();
    }

    Map<String, List<Long>> counts = new HashMap<>();
    KafkaCluster.waitUntil(() -> {
      readCommitted(kafka, output, counts);
      return counts.values().stream().mapToInt(List::size).sum() >= RECORDS;
    }, Duration.ofSeconds(180), "every count committed to the output");
    assertThat(counts).hasSize(KEYS);
    counts.forEach((key, seen) -> {
      List<Long> expected = new ArrayList<>();
      for (long c = 1; c <= RECORDS / KEYS; c++) {
        expected.add(c);
      }
      assertThat(seen).as("counts of %s", key).isEqualTo(expected);
    });
  }

  /** Reads the whole output (read_committed) into {@code counts}, replacing what was there. */
  private static void readCommitted(KafkaCluster kafka, String topic,
      Map<String, List<Long>> counts) {
    Map<String, Object> config = new HashMap<>(kafka.clientProperties());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
    counts.clear();
    try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(config,
        new StringDeserializer(), new LongDeserializer())) {
      consumer.subscribe(List.of(topic));
      int empty = 0;
      while (empty < 3) {
        var records = consumer.poll(Duration.ofSeconds(2));
        if (records.isEmpty()) {
          empty++;
        }
        for (ConsumerRecord<String, Long> r : records) {
          counts.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
        }
      }
    }
  }
}
