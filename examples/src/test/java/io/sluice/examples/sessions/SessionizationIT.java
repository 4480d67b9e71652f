package io.sluice.examples.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * The sessionization application on a real broker: sessions (one of them merged from two by an
 * out-of-order click) are summarised once each when a later click closes them.
 */
@Timeout(180)
class SessionizationIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long T0 = Instant.parse("2026-03-01T08:00:00Z").toEpochMilli();
  private static final long MIN = 60_000;

  @TempDir Path stateDir;

  @Test
  void summarisesEveryClosedSessionOnce() {
    KafkaCluster kafka = KAFKA.cluster();
    // One partition: sessions close with the stream time of the partition's task.
    kafka.createTopic(SessionizationTopology.CLICKS, 1, 1, Map.of());
    kafka.createTopic(SessionizationTopology.OUTPUT, 1, 1, Map.of());
    kafka.produce(List.of(click("alice", 0), click("bob", 5), click("alice", 10),
            click("carol", 0), click("carol", 32), click("carol", 16), click("dave", 120)),
        new StringSerializer(), SessionizationTopology.clickSerde().serializer());

    Properties props = SessionizationApp.props(kafka.bootstrapServers());
    props.putAll(kafka.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID, "sessionization-it");
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS, 100L);
    props.put(StreamsConfig.CONSUMER_PREFIX + "session.timeout.ms", 6000);
    props.put(StreamsConfig.CONSUMER_PREFIX + "heartbeat.interval.ms", 500);
    try (StreamsApp app = new StreamsApp(SessionizationTopology.build(props), props)) {
      app.start();
      List<ConsumerRecord<String, SessionSummary>> sessions = kafka.consume(
          SessionizationTopology.OUTPUT, 3, WAIT, new StringDeserializer(),
          SessionizationTopology.summarySerde().deserializer());
      assertThat(sessions).extracting(ConsumerRecord::value).containsExactly(
          new SessionSummary("bob", T0 + 5 * MIN, T0 + 5 * MIN, 1),
          new SessionSummary("alice", T0, T0 + 10 * MIN, 2),
          new SessionSummary("carol", T0, T0 + 32 * MIN, 3));
      assertThat(app.close(Duration.ofSeconds(30))).isTrue();
    }
  }

  private static ProducerRecord<String, Click> click(String user, long atMinute) {
    return new ProducerRecord<>(SessionizationTopology.CLICKS, null, T0 + atMinute * MIN, user,
        new Click(user, "/page/" + atMinute));
  }
}
