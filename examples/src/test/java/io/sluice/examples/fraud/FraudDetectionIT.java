package io.sluice.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fraud-detection application on a real broker: a card over the count threshold raises one
 * alert when its window closes, and a transaction for an already closed window lands on the late
 * topic with the drop headers.
 */
@Timeout(180)
class FraudDetectionIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long T0 = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();

  @TempDir Path stateDir;

  @Test
  void alertsOnTheSuspiciousCardAndRoutesTheLateTransaction() {
    KafkaCluster kafka = KAFKA.cluster();
    // One partition: window close follows the stream time of the partition's task.
    kafka.createTopic(FraudDetectionTopology.TRANSACTIONS, 1, 1, Map.of());
    kafka.createTopic(FraudDetectionTopology.ALERTS, 1, 1, Map.of());
    kafka.createTopic(FraudDetectionTopology.LATE, 1, 1, Map.of());

    List<ProducerRecord<String, Transaction>> input = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      input.add(transaction("card-many", 1_000, T0 + i * 1_000L, "tx-" + i));
    }
    input.add(transaction("card-calm", 500, T0 + 30_000, "tx-7"));
    input.add(transaction("card-calm", 500, T0 + 90_000, "tx-8")); // closes the first window
    input.add(transaction("card-many", 99_999, T0 + 59_000, "tx-9")); // late for it
    kafka.produce(input, new StringSerializer(),
        FraudDetectionTopology.transactionSerde().serializer());

    Properties props = FraudDetectionApp.props(kafka.bootstrapServers());
    props.putAll(kafka.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID, "fraud-detection-it");
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS, 100L);
    props.put(StreamsConfig.CONSUMER_PREFIX + "session.timeout.ms", 6000);
    props.put(StreamsConfig.CONSUMER_PREFIX + "heartbeat.interval.ms", 500);
    try (StreamsApp app = new StreamsApp(FraudDetectionTopology.build(props), props)) {
      app.start();
      List<ConsumerRecord<String, FraudAlert>> alerts = kafka.consume(
          FraudDetectionTopology.ALERTS, 1, WAIT, new StringDeserializer(),
          FraudDetectionTopology.alertSerde().deserializer());
      assertThat(alerts).extracting(ConsumerRecord::value).containsExactly(
          new FraudAlert("card-many", T0, T0 + 60_000, 6, 6_000));

      List<ConsumerRecord<String, Transaction>> late = kafka.consume(
          FraudDetectionTopology.LATE, 1, WAIT, new StringDeserializer(),
          FraudDetectionTopology.transactionSerde().deserializer());
      assertThat(late).hasSize(1);
      ConsumerRecord<String, Transaction> dropped = late.get(0);
      assertThat(dropped.key()).isEqualTo("card-many");
      assertThat(dropped.value().id()).isEqualTo("tx-9");
      assertThat(dropped.timestamp()).isEqualTo(T0 + 59_000);
      assertThat(new String(dropped.headers().lastHeader("sluice.dropped.reason").value(),
          StandardCharsets.UTF_8)).isEqualTo("LATE");
      assertThat(app.close(Duration.ofSeconds(30))).isTrue();
    }
  }

  private static ProducerRecord<String, Transaction> transaction(
      String card, long cents, long atMs, String id) {
    return new ProducerRecord<>(FraudDetectionTopology.TRANSACTIONS, null, atMs, card,
        new Transaction(id, card, cents, "shop"));
  }
}
