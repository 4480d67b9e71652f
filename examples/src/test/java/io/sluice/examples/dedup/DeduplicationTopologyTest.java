package io.sluice.examples.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sluice.examples.ExampleDrivers;
import io.sluice.state.KeyValue;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeduplicationTopologyTest {
  private static final long T0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
  private static final long MIN = 60_000;

  private TopologyTestDriver driver;
  private TestInputTopic<String, Event> events;
  private TestOutputTopic<String, Event> deduplicated;

  @AfterEach
  void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  private void start(String storeType, long cacheBytes) {
    driver = ExampleDrivers.start("dedup-test", storeType, cacheBytes, DeduplicationTopology::build);
    events = driver.createInputTopic(DeduplicationTopology.INPUT, Serdes.String().serializer(),
        DeduplicationTopology.eventSerde().serializer());
    deduplicated = driver.createOutputTopic(DeduplicationTopology.OUTPUT,
        Serdes.String().deserializer(), DeduplicationTopology.eventSerde().deserializer());
  }

  private Event send(String eventId, String user, String type, long atMs) {
    Event event = new Event(eventId, user, type);
    events.pipeInput(user, event, atMs);
    return event;
  }

  @ParameterizedTest(name = "{0} store, cache {1} bytes")
  @CsvSource({"rocksDB, 0", "rocksDB, 10485760", "in_memory, 0", "in_memory, 10485760"})
  void forwardsTheFirstCopyOfEachIdWithinTheTimeToLive(String storeType, long cacheBytes) {
    start(storeType, cacheBytes);
    Event login = send("e1", "alice", "login", T0);
    send("e1", "alice", "login", T0 + 1); // immediate retry: dropped
    Event otherId = send("e2", "alice", "login", T0 + 2); // same content, other id: kept
    send("e1", "bob", "retry-from-other-key", T0 + 9 * MIN); // same id, other key: dropped
    Event early = send("e3", "bob", "click", T0 + 9 * MIN);
    send("e3", "bob", "click", T0 + 1); // out of order, 9 min earlier: still a duplicate
    Event afterTtl = send("e1", "alice", "login", T0 + 11 * MIN); // 11 min after e1's first
    send("e1", "alice", "login", T0 + 12 * MIN); // within the TTL of the copy kept at 11 min
    send(null, "carol", "no-id", T0 + 12 * MIN); // no id: dropped

    assertThat(deduplicated.readRecordsToList())
        .extracting(r -> KeyValue.pair(r.key(), r.value()), TestRecord::timestamp)
        .containsExactly(
            tuple(KeyValue.pair("alice", login), T0),
            tuple(KeyValue.pair("alice", otherId), T0 + 2),
            tuple(KeyValue.pair("bob", early), T0 + 9 * MIN),
            tuple(KeyValue.pair("alice", afterTtl),
                T0 + 11 * MIN));
  }

  @ParameterizedTest(name = "{0} store")
  @CsvSource({"rocksDB", "in_memory"})
  void repartitionsByIdThroughANamedTopicAndChangelogsTheStore(String storeType) {
    start(storeType, 0);
    send("e1", "alice", "login", T0);
    assertThat(driver.producedTopicNames()).contains(
        "dedup-test-" + DeduplicationTopology.OPERATOR + "-repartition",
        "dedup-test-" + DeduplicationTopology.OPERATOR + "-store-changelog",
        DeduplicationTopology.OUTPUT);
  }
}
