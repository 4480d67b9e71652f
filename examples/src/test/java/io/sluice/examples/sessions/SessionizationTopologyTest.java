package io.sluice.examples.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.examples.ExampleDrivers;
import io.sluice.state.KeyValue;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionizationTopologyTest {
  private static final long T0 = Instant.parse("2026-03-01T08:00:00Z").toEpochMilli();
  private static final long MIN = 60_000;

  private TopologyTestDriver driver;
  private TestInputTopic<String, Click> clicks;
  private TestOutputTopic<String, SessionSummary> sessions;

  @AfterEach
  void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  private void start(String storeType, long cacheBytes) {
    driver = ExampleDrivers.start("sessions-test", storeType, cacheBytes, SessionizationTopology::build);
    clicks = driver.createInputTopic(SessionizationTopology.CLICKS, Serdes.String().serializer(),
        SessionizationTopology.clickSerde().serializer());
    sessions = driver.createOutputTopic(SessionizationTopology.OUTPUT,
        Serdes.String().deserializer(), SessionizationTopology.summarySerde().deserializer());
  }

  private void click(String user, long atMinute) {
    clicks.pipeInput(user, new Click(user, "/page/" + atMinute), T0 + atMinute * MIN);
  }

  private static KeyValue<String, SessionSummary> summary(String user, long fromMinute,
      long toMinute, long count) {
    return KeyValue.pair(user, new SessionSummary(user, T0 + fromMinute * MIN,
        T0 + toMinute * MIN, count));
  }

  @ParameterizedTest(name = "{0} store, cache {1} bytes")
  @CsvSource({"rocksDB, 0", "rocksDB, 10485760", "in_memory, 0", "in_memory, 10485760"})
  void summarisesEachSessionOnceWhenItCloses(String storeType, long cacheBytes) {
    start(storeType, cacheBytes);
    click("alice", 0);
    click("carol", 0);
    click("bob", 5);
    click("alice", 10);
    click("carol", 32); // 32 min after carol's first click: a second session
    click("carol", 16); // out of order, within 30 min of both: merges them into one
    click("alice", 35); // 25 min after her last click: same session
    assertThat(sessions.isEmpty()).as("no session closed yet").isTrue();

    click("bob", 50); // stream time 50 min: bob's session [5, 5] closed at 5 + 30 + 5 = 40
    assertThat(sessions.readKeyValuesToList()).containsExactly(summary("bob", 5, 5, 1));

    click("dave", 120); // closes every session ending before 85 min, in order of their end
    assertThat(sessions.readRecordsToList()).extracting(TestRecord::timestamp)
        .containsExactly(T0 + 32 * MIN, T0 + 35 * MIN, T0 + 50 * MIN);

    click("alice", 119); // alice's session closed at 70 min; 119 opens a new session
    click("alice", 40); // late: its session would have closed at 75 min, long before 120
    click("dave", 200);
    assertThat(sessions.readKeyValuesToList())
        .containsExactly(summary("alice", 119, 119, 1), summary("dave", 120, 120, 1));
  }

  @ParameterizedTest(name = "{0} store, cache {1} bytes")
  @CsvSource({"rocksDB, 0", "in_memory, 10485760"})
  void summaryValuesHoldUserBoundsAndCount(String storeType, long cacheBytes) {
    start(storeType, cacheBytes);
    for (long minute : List.of(0L, 29L, 58L)) {
      click("u1", minute); // each click within 30 min of the previous: one long session
      click("u2", minute);
    }
    click("u3", 200);
    assertThat(sessions.readKeyValuesToList()).containsExactlyInAnyOrder(
        summary("u1", 0, 58, 3), summary("u2", 0, 58, 3));
    assertThat(driver.producedTopicNames())
        .contains("sessions-test-" + SessionizationTopology.STORE + "-changelog");
  }

  @ParameterizedTest(name = "{0} store, cache {1} bytes")
  @CsvSource({"rocksDB, 0", "rocksDB, 10485760", "in_memory, 0", "in_memory, 10485760"})
  void aClickWithinTheGapOfAnAlreadySummarisedSessionDoesNotSummariseItAgain(
      String storeType, long cacheBytes) {
    start(storeType, cacheBytes);
    click("alice", 0);
    click("dave", 36); // close time 36 - 30 - 5 = 1 min: alice's session [0, 0] is summarised
    assertThat(sessions.readKeyValuesToList()).containsExactly(summary("alice", 0, 0, 1));
    click("alice", 20); // within the gap of that closed session
    click("dave", 200);
    // The summarised session is final: the click at 20 min (not late, since a session ending at
    // 20 min closes at 55) starts a session of its own instead of re-opening it.
    assertThat(sessions.readKeyValuesToList())
        .containsExactly(summary("alice", 20, 20, 1), summary("dave", 36, 36, 1));
  }
}
