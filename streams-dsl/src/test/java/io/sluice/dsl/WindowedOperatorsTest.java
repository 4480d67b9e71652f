package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.dsl.internals.DropReporter;
import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsException;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.Stores;
import io.sluice.state.WindowStore;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Windowed aggregations, emit on window close, suppression and cogroup through the test driver,
 * in every store variant: RocksDB or in-memory, caching on or off.
 */
class WindowedOperatorsTest {
  private static final Consumed<String, String> STRINGS =
      Consumed.with(Serdes.String(), Serdes.String());
  private static final String APP = "sluice-test-driver";

  /** @param inMemory in-memory DSL stores, else RocksDB; @param caching a record cache */
  record Variant(boolean inMemory, boolean caching) {
    Properties props() {
      Properties props = new Properties();
      props.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
      props.put(StreamsConfig.DEFAULT_VALUE_SERDE, Serdes.StringSerde.class);
      props.put(StreamsConfig.DEFAULT_DSL_STORE,
          inMemory ? StreamsConfig.IN_MEMORY : StreamsConfig.ROCKS_DB);
      props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES, caching ? 10L * 1024 * 1024 : 0L);
      return props;
    }

    <K, V, S extends io.sluice.state.StateStore> Materialized<K, V, S> apply(
        Materialized<K, V, S> materialized) {
      return caching ? materialized : materialized.withCachingDisabled();
    }

    @Override
    public String toString() {
      return (inMemory ? "in_memory" : "rocksDB") + (caching ? "+cache" : "");
    }
  }

  static Stream<Variant> variants() {
    return Stream.of(new Variant(false, false), new Variant(false, true),
        new Variant(true, false), new Variant(true, true));
  }

  private static String render(Windowed<String> key) {
    return key.key() + "@" + key.window().startMs() + "/" + key.window().endMs();
  }

  /** Builds, pipes (key, value, timestamp) triples into "in", returns what "topic" got. */
  private static List<TestRecord<String, String>> run(Variant variant,
      Consumer<StreamsBuilder> body, String topic, Object... triples) {
    StreamsBuilder builder = new StreamsBuilder();
    body.accept(builder);
    Properties props = variant.props();
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      for (int i = 0; i < triples.length; i += 3) {
        in.pipeInput((String) triples[i], (String) triples[i + 1], (Long) triples[i + 2]);
      }
      return driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer())
          .readRecordsToList();
    }
  }

  private static List<String> keyValues(List<TestRecord<String, String>> records) {
    return records.stream().map(r -> r.key() + "=" + r.value() + "@" + r.timestamp()).toList();
  }

  private static String header(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void tumblingCountExcludesEndAndDropsLateRecordsToTheSideOutput(Variant variant) {
    Consumer<StreamsBuilder> body = builder -> {
      KStream<String, String> in = builder.stream("in", STRINGS);
      in.groupByKey().windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(10),
              Duration.ofMillis(2)))
          .count(Named.as("counts"), variant.apply(
              Materialized.<String, Long, WindowStore<Bytes, byte[]>>with(Serdes.String(),
                  Serdes.Long())))
          .toStream().map((k, v) -> KeyValue.pair(render(k), String.valueOf(v)))
          .to("out", Produced.with(Serdes.String(), Serdes.String()));
      in.droppedRecords(Named.as("counts")).to("dropped",
          Produced.with(Serdes.String(), Serdes.String()));
    };
    Object[] input = {"a", "x", 0L, "a", "y", 9L, "a", "z", 10L, "a", "w", 12L,
        "a", "late", 7L, "a", "ok", 11L, null, "no-key", 11L};
    assertThat(keyValues(run(variant, body, "out", input))).containsExactly(
        "a@0/10=1@0", "a@0/10=2@9", "a@10/20=1@10", "a@10/20=2@12", "a@10/20=3@12");
    List<TestRecord<String, String>> dropped = run(variant, body, "dropped", input);
    assertThat(dropped).extracting(TestRecord::value).containsExactly("late", "no-key");
    assertThat(header(dropped.get(0).headers(), DropReporter.REASON_HEADER)).isEqualTo("LATE");
    assertThat(header(dropped.get(0).headers(), DropReporter.OPERATOR_HEADER))
        .isEqualTo("counts");
    assertThat(header(dropped.get(0).headers(), DropReporter.WINDOW_CLOSE_HEADER))
        .isEqualTo("12");
    assertThat(header(dropped.get(1).headers(), DropReporter.REASON_HEADER))
        .isEqualTo("NULL_KEY");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void hoppingWindowsUpdateEveryWindowOfARecordInStartOrder(Variant variant) {
    Consumer<StreamsBuilder> body = builder -> builder.stream("in", STRINGS).groupByKey()
        .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMillis(10))
            .advanceBy(Duration.ofMillis(5)))
        .reduce((a, b) -> a + b, variant.apply(Materialized.with(Serdes.String(),
            Serdes.String())))
        .toStream().map((k, v) -> KeyValue.pair(render(k), v)).to("out");
    assertThat(keyValues(run(variant, body, "out", "k", "1", 7L, "k", "2", 12L)))
        .containsExactly("k@0/10=1@7", "k@5/15=1@7", "k@5/15=12@12", "k@10/20=2@12");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void emitOnWindowCloseSendsOneFinalResultPerWindowAndLogsTheMark(Variant variant) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", STRINGS).groupByKey()
        .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(10), Duration.ofMillis(5)))
        .emitStrategy(EmitStrategy.onWindowClose())
        .count(variant.apply(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("final")
            .withValueSerde(Serdes.Long())))
        .toStream().map((k, v) -> KeyValue.pair(render(k), String.valueOf(v))).to("out");
    Properties props = variant.props();
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      in.pipeInput("a", "1", 1L);
      in.pipeInput("b", "1", 3L);
      in.pipeInput("a", "1", 12L);
      in.pipeInput("a", "1", 14L);
      assertThat(driver.createOutputTopic("out", new StringDeserializer(),
          new StringDeserializer()).readRecordsToList()).isEmpty();
      in.pipeInput("a", "1", 15L);
      in.pipeInput("b", "1", 16L);
      in.pipeInput("a", "1", 30L);
      assertThat(keyValues(driver.createOutputTopic("out", new StringDeserializer(),
          new StringDeserializer()).readRecordsToList()))
          .containsExactly("a@0/10=1@1", "b@0/10=1@3", "a@10/20=3@15", "b@10/20=1@16");
      assertThat(driver.producedTopicNames()).contains(APP + "-final-emitted-changelog");
      List<TestRecord<byte[], byte[]>> marks = driver.createOutputTopic(
          APP + "-final-emitted-changelog", new ByteArrayDeserializer(),
          new ByteArrayDeserializer()).readRecordsToList();
      assertThat(marks).extracting(r -> Serdes.Long().deserializer().deserialize("", r.value()))
          .containsExactly(10L, 11L, 25L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void emitOnWindowCloseKeepsFinalResultsAcrossAJump(Variant variant) {
    // Retention 10 + 5 ms: c@300 expires [20, 30) with its own write, after closing it. Kafka
    // Streams (reading after its writes) sends these only while they sit in its record cache.
    Consumer<StreamsBuilder> body = builder -> builder.stream("in", STRINGS).groupByKey()
        .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(10), Duration.ofMillis(5)))
        .emitStrategy(EmitStrategy.onWindowClose())
        .count(variant.apply(Materialized.with(Serdes.String(), Serdes.Long())))
        .toStream().map((k, v) -> KeyValue.pair(render(k), String.valueOf(v))).to("out");
    assertThat(keyValues(run(variant, body, "out", "a", "1", 20L, "b", "1", 22L, "a", "1", 29L,
        "c", "1", 300L))).containsExactly("a@20/30=2@29", "b@20/30=1@22");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void sessionEmitOnWindowCloseKeepsFinalResultsAcrossAJump(Variant variant) {
    // Default retention, gap plus grace: c@300 closes and expires both sessions. Kafka Streams
    // sends them with its RocksDB store only.
    Consumer<StreamsBuilder> body = builder -> builder.stream("in", STRINGS).groupByKey()
        .windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofMillis(10),
            Duration.ofMillis(5)))
        .emitStrategy(EmitStrategy.onWindowClose())
        .count(variant.apply(Materialized.with(Serdes.String(), Serdes.Long())))
        .toStream().map((k, v) -> KeyValue.pair(render(k), String.valueOf(v))).to("out");
    assertThat(keyValues(run(variant, body, "out", "a", "1", 20L, "b", "1", 22L, "a", "1", 29L,
        "c", "1", 300L))).containsExactly("b@22/22=1@22", "a@20/29=2@29");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void sessionsMergeAndTombstoneTheMergedSessions(Variant variant) {
    Consumer<StreamsBuilder> body = builder -> builder.stream("in", STRINGS).groupByKey()
        .windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofMillis(10),
            Duration.ofMillis(20)))
        .count(variant.apply(Materialized.with(Serdes.String(), Serdes.Long())))
        .toStream().map((k, v) -> KeyValue.pair(render(k), String.valueOf(v))).to("out");
    assertThat(keyValues(run(variant, body, "out", "s", "1", 0L, "s", "1", 20L, "s", "1", 10L)))
        .containsExactly("s@0/0=1@0", "s@20/20=1@20", "s@0/0=null@0", "s@20/20=null@20",
            "s@0/20=3@20");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void slidingWindowsHaveOneResultPerDistinctSetOfRecords(Variant variant) {
    Consumer<StreamsBuilder> body = builder -> builder.stream("in", STRINGS).groupByKey()
        .windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(Duration.ofMillis(10)))
        .count(variant.apply(Materialized.with(Serdes.String(), Serdes.Long())))
        .toStream().map((k, v) -> KeyValue.pair(render(k), String.valueOf(v))).to("out");
    assertThat(keyValues(run(variant, body, "out", "k", "1", 20L, "k", "1", 25L)))
        .containsExactly("k@10/20=1@20", "k@21/31=1@25", "k@15/25=2@25");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void suppressUntilWindowClosesEmitsFinalResultsAndEmptiesItsChangelog(Variant variant) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", STRINGS).groupByKey()
        .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(10), Duration.ofMillis(1)))
        .count(variant.apply(Materialized.with(Serdes.String(), Serdes.Long())))
        .suppress(Suppressed.<Windowed<String>>untilWindowCloses(
            Suppressed.BufferConfig.unbounded()).withName("final"))
        .toStream().map((k, v) -> KeyValue.pair(render(k), String.valueOf(v))).to("out");
    Properties props = variant.props();
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      in.pipeInput("a", "1", 1L);
      in.pipeInput("a", "1", 2L);
      in.pipeInput("a", "1", 10L);
      in.pipeInput("a", "1", 11L);
      assertThat(keyValues(driver.createOutputTopic("out", new StringDeserializer(),
          new StringDeserializer()).readRecordsToList())).containsExactly("a@0/10=2@2");
      List<TestRecord<byte[], byte[]>> changelog = driver.createOutputTopic(
          APP + "-final-store-changelog", new ByteArrayDeserializer(),
          new ByteArrayDeserializer()).readRecordsToList();
      assertThat(changelog).isNotEmpty();
      // The window [0, 10) was buffered (puts), then emitted and removed (a tombstone).
      assertThat(changelog.stream().filter(r -> r.value() == null)).hasSize(1);
    }
  }

  @Test
  void suppressUntilTimeLimitEmitsEarlyWhenFullOrFailsWhenStrict() {
    Variant variant = new Variant(true, false);
    Consumer<StreamsBuilder> eager = builder -> builder.stream("in", STRINGS).groupByKey()
        .count(Materialized.with(Serdes.String(), Serdes.Long()))
        .suppress(Suppressed.untilTimeLimit(Duration.ofMillis(100),
            Suppressed.BufferConfig.maxRecords(1).emitEarlyWhenFull()))
        .toStream().mapValues(v -> String.valueOf(v)).to("out");
    assertThat(keyValues(run(variant, eager, "out", "a", "1", 1L, "a", "1", 2L, "b", "1", 3L,
        "c", "1", 200L))).containsExactly("a=2@2", "b=1@3");
    Consumer<StreamsBuilder> strict = builder -> builder.stream("in", STRINGS).groupByKey()
        .count(Materialized.with(Serdes.String(), Serdes.Long()))
        .suppress(Suppressed.<String>untilTimeLimit(Duration.ofMillis(100),
            Suppressed.BufferConfig.maxRecords(1).shutDownWhenFull()).withName("limited"))
        .toStream().mapValues(v -> String.valueOf(v)).to("out");
    assertThatThrownBy(() -> run(variant, strict, "out", "a", "1", 1L, "b", "1", 2L))
        .isInstanceOf(StreamsException.class)
        .hasMessageContaining("limited")
        .hasMessageContaining("2/1 records");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void cogroupFoldsEveryInputIntoOneAggregate(Variant variant) {
    StreamsBuilder builder = new StreamsBuilder();
    KGroupedStream<String, String> left = builder.stream("in", STRINGS).groupByKey();
    KGroupedStream<String, String> right = builder.stream("in2", STRINGS).groupByKey();
    left.<String>cogroup((k, v, agg) -> agg + "L" + v)
        .cogroup(right, (k, v, agg) -> agg + "R" + v)
        .aggregate(() -> "", variant.apply(Materialized.with(Serdes.String(), Serdes.String())))
        .toStream().to("out");
    Properties props = variant.props();
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
      driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
          .pipeInput("k", "1", 1L);
      driver.createInputTopic("in2", new StringSerializer(), new StringSerializer())
          .pipeInput("k", "2", 2L);
      driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
          .pipeInput("k", "3", 3L);
      assertThat(keyValues(driver.createOutputTopic("out", new StringDeserializer(),
          new StringDeserializer()).readRecordsToList()))
          .containsExactly("k=L1@1", "k=L1R2@2", "k=L1R2L3@3");
    }
  }

  @Test
  void invalidWindowsAndOptionsFailWithClearMessages() {
    assertThatThrownBy(() -> TimeWindows.ofSizeWithNoGrace(Duration.ofMillis(10))
        .advanceBy(Duration.ofMillis(11)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("advance (11 ms)");
    assertThatThrownBy(() -> TimeWindows.ofSizeWithNoGrace(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
    assertThatThrownBy(() -> SessionWindows.ofInactivityGapAndGrace(Duration.ofMillis(5),
        Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grace");
    assertThatThrownBy(() -> Suppressed.BufferConfig.maxRecords(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRecords");
    StreamsBuilder builder = new StreamsBuilder();
    KGroupedStream<String, String> grouped = builder.stream("in", STRINGS).groupByKey();
    assertThatThrownBy(() -> grouped.windowedBy(TimeWindows.ofSizeAndGrace(
            Duration.ofMillis(10), Duration.ofMillis(5)))
        .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("short")
            .withRetention(Duration.ofMillis(12))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'short'")
        .hasMessageContaining("15 ms");
    KTable<String, Long> plain = grouped.count();
    assertThatThrownBy(() -> plain.suppress(Suppressed.untilWindowCloses(
        Suppressed.BufferConfig.unbounded()))).isInstanceOf(TopologyException.class)
        .hasMessageContaining("untilTimeLimit");
  }

  @Test
  void slidingWindowsNeedARetentionOfTwoDifferencesPlusGrace() {
    SlidingWindows windows = SlidingWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(10),
        Duration.ofMillis(5));
    KGroupedStream<String, String> grouped =
        new StreamsBuilder().stream("in", STRINGS).groupByKey();
    // Difference plus grace (15 ms) is not enough: right windows start after their record.
    assertThatThrownBy(() -> grouped.windowedBy(windows)
        .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("short")
            .withRetention(Duration.ofMillis(24))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'short'")
        .hasMessageContaining("24 ms").hasMessageContaining("(10 ms)")
        .hasMessageContaining("(5 ms)").hasMessageContaining("25 ms");
    assertThatThrownBy(() -> grouped.windowedBy(windows)
        .count(Materialized.<String, Long>as(Stores.inMemoryWindowStore("supplied",
            Duration.ofMillis(20), Duration.ofMillis(10), false))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'supplied'")
        .hasMessageContaining("20 ms").hasMessageContaining("25 ms");
    assertThat(grouped.windowedBy(windows)
        .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("enough")
            .withRetention(Duration.ofMillis(25)))).isNotNull();
  }
}
