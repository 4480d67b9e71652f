package io.sluice.examples.dedup;

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
 * The deduplication application on a real broker: copies of an event id sent under different keys
 * (so possibly to different input partitions) meet after the repartition by id, and only the first
 * copy of each id comes out.
 */
@Timeout(180)
class DeduplicationIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long T0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
  private static final long MIN = 60_000;

  @TempDir Path stateDir;

  @Test
  void forwardsOneCopyOfEachEventId() {
    KafkaCluster kafka = KAFKA.cluster();
    kafka.createTopic(DeduplicationTopology.INPUT, 2, 1, Map.of());
    kafka.createTopic(DeduplicationTopology.OUTPUT, 2, 1, Map.of());
    kafka.produce(List.of(event("e1", "alice", 0), event("e1", "bob", 1), event("e2", "alice", 2),
            event("e2", "alice", 3), event("e1", "carol", 4), event("e3", "carol", 5)),
        new StringSerializer(), DeduplicationTopology.eventSerde().serializer());

    Properties props = DeduplicationApp.props(kafka.bootstrapServers());
    props.putAll(kafka.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID, "deduplication-it");
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS, 100L);
    props.put(StreamsConfig.CONSUMER_PREFIX + "session.timeout.ms", 6000);
    props.put(StreamsConfig.CONSUMER_PREFIX + "heartbeat.interval.ms", 500);
    try (StreamsApp app = new StreamsApp(DeduplicationTopology.build(props), props)) {
      app.start();
      List<ConsumerRecord<String, Event>> out = kafka.consume(DeduplicationTopology.OUTPUT, 3,
          WAIT, new StringDeserializer(), DeduplicationTopology.eventSerde().deserializer());
      assertThat(out).extracting(r -> r.value().eventId())
          .containsExactlyInAnyOrder("e1", "e2", "e3");
      assertThat(out).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().userId()));
      assertThat(app.close(Duration.ofSeconds(30))).isTrue();
    }
  }

  private static ProducerRecord<String, Event> event(String id, String user, long atMinute) {
    return new ProducerRecord<>(DeduplicationTopology.INPUT, null, T0 + atMinute * MIN, user,
        new Event(id, user, "click"));
  }
}
