package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.Stores;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.BytesDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stream-stream joins through the test driver, with RocksDB and in-memory stores and caching on
 * and off: window bounds, result timestamps, emit-after-close of left and outer results, late and
 * keyless records on the dropped-records output, changelogged buffers.
 */
class StreamJoinsTest {
  private static final JoinWindows WINDOWS =
      JoinWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(100), Duration.ofMillis(50));

  static Stream<Arguments> stores() {
    return Stream.of(Arguments.of("rocksDB", 0L), Arguments.of("rocksDB", 1_048_576L),
        Arguments.of("in_memory", 0L), Arguments.of("in_memory", 1_048_576L));
  }

  /** A driver over a topology reading "left" and "right" and writing what {@code body} writes. */
  private static final class Run implements AutoCloseable {
    final TopologyTestDriver driver;
    final TestInputTopic<String, String> left;
    final TestInputTopic<String, String> right;

    Run(String store, long cacheBytes, Consumer<StreamsBuilder> body) {
      this(store, cacheBytes, body, null);
    }

    Run(String store, long cacheBytes, Consumer<StreamsBuilder> body, Path stateDir) {
      StreamsBuilder builder = new StreamsBuilder();
      body.accept(builder);
      Properties props = new Properties();
      props.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
      props.put(StreamsConfig.DEFAULT_VALUE_SERDE, Serdes.StringSerde.class);
      props.put(StreamsConfig.DEFAULT_DSL_STORE, store);
      props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES, cacheBytes);
      props.put("__emit.interval.ms.kstreams.outer.join.spurious.results.fix__", 0L);
      if (stateDir != null) {
        props.put(StreamsConfig.STATE_DIR, stateDir.toString());
      }
      driver = new TopologyTestDriver(builder.build(props), props);
      left = driver.createInputTopic("left", new StringSerializer(), new StringSerializer());
      right = driver.createInputTopic("right", new StringSerializer(), new StringSerializer());
    }

    List<TestRecord<String, String>> out(String topic) {
      TestOutputTopic<String, String> out =
          driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer());
      return out.readRecordsToList();
    }

    @Override
    public void close() {
      driver.close();
    }
  }

  private static TestRecord<String, String> rec(String key, String value, long ts) {
    return new TestRecord<>(key, value, new RecordHeaders(), ts);
  }

  private static void join(StreamsBuilder b, String kind, StreamJoined<String, String, String> o) {
    KStream<String, String> left = b.stream("left");
    KStream<String, String> right = b.stream("right");
    ValueJoiner<String, String, String> joiner = (l, r) -> l + "/" + r;
    KStream<String, String> joined = switch (kind) {
      case "inner" -> left.join(right, joiner, WINDOWS, o);
      case "left" -> left.leftJoin(right, joiner, WINDOWS, o);
      default -> left.outerJoin(right, joiner, WINDOWS, o);
    };
    joined.to("out");
  }

  @ParameterizedTest(name = "{0}, cache {1}")
  @MethodSource("stores")
  void innerJoinMatchesWithinTheWindowInclusiveBoundsAndTakesTheLaterTimestamp(String store,
      long cache) {
    try (Run run = new Run(store, cache, b -> join(b, "inner", StreamJoined.with(null, null,
        null)))) {
      run.left.pipeInput(rec("k", "a", 1_000));
      run.right.pipeInput(rec("k", "x", 1_100));
      run.right.pipeInput(rec("k", "y", 899));
      run.right.pipeInput(rec("k", "z", 1_101));
      run.right.pipeInput(rec("other", "w", 1_000));
      run.left.pipeInput(rec("k", "b", 1_000));
      assertThat(run.out("out")).containsExactly(rec("k", "a/x", 1_100), rec("k", "b/x", 1_100));
    }
  }

  @ParameterizedTest(name = "{0}, cache {1}")
  @MethodSource("stores")
  void leftJoinEmitsUnmatchedRecordsOnlyAfterTheWindowAndGraceClose(String store, long cache) {
    try (Run run = new Run(store, cache, b -> join(b, "left", StreamJoined.with(null, null,
        null)))) {
      run.left.pipeInput(rec("k", "a", 1_000));
      run.left.pipeInput(rec("m", "b", 1_010));
      run.right.pipeInput(rec("m", "x", 1_050));
      run.right.pipeInput(rec("n", "y", 1_150));
      assertThat(run.out("out")).containsExactly(rec("m", "b/x", 1_050));
      // window end 1 100 + grace 50: closed once stream time passes 1 150
      run.right.pipeInput(rec("n", "y", 1_151));
      assertThat(run.out("out")).containsExactly(rec("k", "a/null", 1_000));
      run.right.pipeInput(rec("n", "y", 5_000));
      assertThat(run.out("out")).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}, cache {1}")
  @MethodSource("stores")
  void outerJoinEmitsUnmatchedRecordsOfBothSidesInTimeOrder(String store, long cache) {
    try (Run run = new Run(store, cache, b -> join(b, "outer", StreamJoined.with(null, null,
        null)))) {
      run.right.pipeInput(rec("r", "x", 1_000));
      run.left.pipeInput(rec("l", "a", 1_001));
      run.left.pipeInput(rec("l", "b", 1_001));
      run.left.pipeInput(rec(null, "keyless", 1_002));
      run.left.pipeInput(rec("z", "c", 2_000));
      assertThat(run.out("out")).containsExactly(rec(null, "keyless/null", 1_002),
          rec("r", "null/x", 1_000), rec("l", "a/null", 1_001), rec("l", "b/null", 1_001));
    }
  }

  @ParameterizedTest(name = "{0}, cache {1}")
  @MethodSource("stores")
  void droppedRecordsOfEachSideReachTheSideOutputWithReasonHeaders(String store, long cache) {
    try (Run run = new Run(store, cache, b -> {
      KStream<String, String> left = b.stream("left");
      KStream<String, String> right = b.stream("right");
      left.join(right, (l, r) -> l + "/" + r, WINDOWS,
          StreamJoined.<String, String, String>with(null, null, null).withName("j")).to("out");
      left.droppedRecords(Named.as("j")).to("dropped-left");
      right.droppedRecords(Named.as("j")).to("dropped-right");
    })) {
      run.left.pipeInput(rec("k", "a", 10_000));
      run.left.pipeInput(rec(null, "b", 10_000));
      run.right.pipeInput(rec("k", null, 10_000));
      run.right.pipeInput(rec("k", "fine", 9_950));
      // too old for the right buffer (9 950 - 250) and matching no buffered left record
      run.right.pipeInput(rec("k", "late", 9_000));
      assertThat(run.out("out")).containsExactly(rec("k", "a/fine", 10_000));
      List<TestRecord<String, String>> left = run.out("dropped-left");
      assertThat(left).extracting(TestRecord::value).containsExactly("b");
      assertThat(header(left.get(0), "sluice.dropped.reason")).isEqualTo("NULL_KEY");
      List<TestRecord<String, String>> right = run.out("dropped-right");
      assertThat(right).extracting(TestRecord::value).containsExactly(null, "late");
      assertThat(header(right.get(0), "sluice.dropped.reason")).isEqualTo("NULL_VALUE");
      assertThat(header(right.get(1), "sluice.dropped.reason")).isEqualTo("LATE");
      assertThat(header(right.get(1), "sluice.dropped.operator")).isEqualTo("j");
      // the right record at 9 000 matched left records up to 9 000 + 100, closing at + 50 grace
      assertThat(header(right.get(1), "sluice.dropped.window.close.ms")).isEqualTo("9150");
    }
  }

  @Test
  void joinBuffersAreChangelogged() {
    try (Run run = new Run("rocksDB", 0L, b -> join(b, "left",
        StreamJoined.<String, String, String>as("buf").withName("j")))) {
      run.left.pipeInput(rec("k", "a", 1_000));
      run.right.pipeInput(rec("q", "x", 1_000));
      assertThat(run.driver.producedTopicNames()).contains(
          "sluice-test-driver-buf-this-join-store-changelog",
          "sluice-test-driver-buf-outer-other-join-store-changelog",
          "sluice-test-driver-buf-left-shared-join-store-changelog");
    }
  }

  @Test
  void emittedOuterResultsAreDeletedFromTheBufferChangelog() {
    try (Run run = new Run("in_memory", 0L, b -> join(b, "left",
        StreamJoined.<String, String, String>as("buf")))) {
      run.left.pipeInput(rec("k", "a", 1_000));
      run.right.pipeInput(rec("q", "x", 2_000));
      assertThat(run.out("out")).containsExactly(rec("k", "a/null", 1_000));
      List<TestRecord<Bytes, byte[]>> changelog = run.driver.createOutputTopic(
              "sluice-test-driver-buf-left-shared-join-store-changelog",
              new BytesDeserializer(), new ByteArrayDeserializer())
          .readRecordsToList();
      assertThat(changelog).hasSize(2);
      assertThat(changelog.get(0).key()).isEqualTo(changelog.get(1).key());
      assertThat(changelog.get(0).value()).isNotNull();
      assertThat(changelog.get(1).value()).as("tombstone of the emitted entry").isNull();
    }
  }

  @Test
  void bufferedRecordsSurviveARestartOnTheSameStateDirectory(@TempDir Path stateDir) {
    Consumer<StreamsBuilder> topology =
        b -> join(b, "left", StreamJoined.<String, String, String>as("buf"));
    try (Run run = new Run("rocksDB", 0L, topology, stateDir)) {
      run.left.pipeInput(rec("k", "a", 1_000));
      run.right.pipeInput(rec("k", "x", 1_050));
      run.left.pipeInput(rec("m", "b", 1_060));
      assertThat(run.out("out")).containsExactly(rec("k", "a/x", 1_050));
    }
    try (Run run = new Run("rocksDB", 0L, topology, stateDir)) {
      run.left.pipeInput(rec("k", "c", 1_100));
      run.right.pipeInput(rec("z", "y", 1_300));
      assertThat(run.out("out")).containsExactly(rec("k", "c/x", 1_100),
          rec("m", "b/null", 1_060));
    }
  }

  @Test
  void lateRecordsAreRecognisedAfterARestart(@TempDir Path stateDir) {
    Consumer<StreamsBuilder> topology = b -> {
      KStream<String, String> left = b.stream("left");
      KStream<String, String> right = b.stream("right");
      left.join(right, (l, r) -> l + "/" + r, WINDOWS,
          StreamJoined.<String, String, String>as("buf").withName("j")).to("out");
      right.droppedRecords(Named.as("j")).to("dropped");
    };
    try (Run run = new Run("rocksDB", 0L, topology, stateDir)) {
      run.right.pipeInput(rec("k", "x", 10_000));
      assertThat(run.out("dropped")).isEmpty();
    }
    try (Run run = new Run("rocksDB", 0L, topology, stateDir)) {
      run.right.pipeInput(rec("k", "late", 9_000));
      assertThat(run.out("dropped")).extracting(TestRecord::value).containsExactly("late");
    }
  }

  @Test
  void loggingDisabledLeavesNoChangelog() {
    try (Run run = new Run("in_memory", 0L, b -> join(b, "outer",
        StreamJoined.<String, String, String>as("buf").withLoggingDisabled()))) {
      run.left.pipeInput(rec("k", "a", 1_000));
      run.right.pipeInput(rec("q", "x", 1_000));
      assertThat(run.driver.producedTopicNames()).noneMatch(t -> t.endsWith("-changelog"));
    }
  }

  @Test
  void storeSuppliersMustRetainDuplicatesAndFitTheWindows() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> left = builder.stream("left");
    KStream<String, String> right = builder.stream("right");
    StreamJoined<String, String, String> noDuplicates = StreamJoined.with(
        Stores.inMemoryWindowStore("a", Duration.ofMillis(250), Duration.ofMillis(200), false),
        Stores.inMemoryWindowStore("b", Duration.ofMillis(250), Duration.ofMillis(200), true));
    assertThatThrownBy(() -> left.join(right, (l, r) -> l, WINDOWS, noDuplicates))
        .isInstanceOf(TopologyException.class).hasMessageContaining("'a'")
        .hasMessageContaining("retainDuplicates");
    StreamJoined<String, String, String> shortRetention = StreamJoined.with(
        Stores.inMemoryWindowStore("a", Duration.ofMillis(200), Duration.ofMillis(200), true),
        Stores.inMemoryWindowStore("b", Duration.ofMillis(250), Duration.ofMillis(200), true));
    assertThatThrownBy(() -> left.join(right, (l, r) -> l, WINDOWS, shortRetention))
        .isInstanceOf(TopologyException.class).hasMessageContaining("250 ms");
  }

  @Test
  void userSuppliedBuffersAndStoreTypesAreUsed() {
    StreamJoined<String, String, String> suppliers = StreamJoined.with(
        Stores.inMemoryWindowStore("mine-a", Duration.ofMillis(250), Duration.ofMillis(200), true),
        Stores.persistentWindowStore("mine-b", Duration.ofMillis(300), Duration.ofMillis(200),
            true));
    try (Run run = new Run("rocksDB", 0L, b -> join(b, "left", suppliers))) {
      run.left.pipeInput(rec("k", "a", 1_000));
      run.right.pipeInput(rec("k", "x", 1_100));
      run.left.pipeInput(rec("n", "b", 1_000));
      run.right.pipeInput(rec("q", "y", 1_200));
      assertThat(run.out("out")).containsExactly(rec("k", "a/x", 1_100),
          rec("n", "b/null", 1_000));
      assertThat(run.driver.<String, String>getWindowStore("mine-a").fetch("k", 1_000))
          .isEqualTo("a");
      assertThat(run.driver.<String, String>getWindowStore("mine-b").fetch("k", 1_100))
          .isEqualTo("x");
      assertThat(run.driver.producedTopicNames())
          .contains("sluice-test-driver-mine-a-left-shared-join-store-changelog");
    }
    try (Run run = new Run("rocksDB", 0L, b -> join(b, "inner",
        StreamJoined.<String, String, String>as("typed")
            .withStoreType(Materialized.StoreType.IN_MEMORY)))) {
      run.left.pipeInput(rec("k", "a", 1_000));
      run.right.pipeInput(rec("k", "x", 1_000));
      assertThat(run.out("out")).containsExactly(rec("k", "a/x", 1_000));
      assertThat(run.driver.getStateStore("typed-this-join-store").persistent()).isFalse();
    }
  }

  @Test
  void joinWindowsValidateTheirArguments() {
    assertThat(WINDOWS.beforeMs()).isEqualTo(100);
    assertThat(WINDOWS.afterMs()).isEqualTo(100);
    assertThat(WINDOWS.gracePeriodMs()).isEqualTo(50);
    assertThat(WINDOWS.before(Duration.ofMillis(-20)).size()).isEqualTo(80);
    assertThatThrownBy(() -> WINDOWS.before(Duration.ofMillis(-101)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeDifference");
    assertThatThrownBy(() -> JoinWindows.ofTimeDifferenceAndGrace(Duration.ofDays(1), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grace");
  }

  @Test
  void joiningStreamsOfDifferentBuildersFails() {
    KStream<String, String> left = new StreamsBuilder().stream("left");
    KStream<String, String> right = new StreamsBuilder().stream("right");
    assertThatThrownBy(() -> left.join(right, (l, r) -> l, WINDOWS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another");
    assertThatThrownBy(() -> left.join(right, (ValueJoiner<String, String, String>) null, WINDOWS))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("joiner");
  }

  private static String header(TestRecord<String, String> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
