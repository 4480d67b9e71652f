package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.dsl.internals.DropReporter;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.Stores;
import io.sluice.state.WindowBytesStoreSupplier;
import io.sluice.state.WindowStore;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sliding windows with emit on window close, in every store variant: when a window's final result
 * goes out, in which order, and which final results Kafka Streams 4.3.1 never sends (the rules the
 * differential test checks at random, pinned here on hand-computed input).
 */
class SlidingEmitOnCloseTest {
  private static final String APP = "sluice-test-driver";

  private static String render(Windowed<String> key) {
    return key.key() + "@" + key.window().startMs() + "/" + key.window().endMs();
  }

  /** Pipes one record and returns what it made the aggregation emit, as key=value@timestamp. */
  private static List<String> pipe(TestInputTopic<String, String> in,
      TestOutputTopic<String, String> out, String key, long timestamp) {
    in.pipeInput(key, "1", timestamp);
    return out.readRecordsToList().stream()
        .map(r -> r.key() + "=" + r.value() + "@" + r.timestamp()).toList();
  }

  /** Counts "in" in sliding windows of 10 ms with 5 ms grace, final results only, into "out". */
  private static StreamsBuilder topology(WindowedOperatorsTest.Variant variant,
      Materialized<String, Long, WindowStore<Bytes, byte[]>> materialized) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String())).groupByKey()
        .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(10),
            Duration.ofMillis(5)))
        .emitStrategy(EmitStrategy.onWindowClose())
        .count(variant.apply(materialized.withValueSerde(Serdes.Long())))
        .toStream().map((k, v) -> KeyValue.pair(render(k), String.valueOf(v))).to("out");
    return builder;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.sluice.dsl.WindowedOperatorsTest#variants")
  void finalResultsGoOutByWindowStartOnceTheEndIsBeforeTheCloseTime(
      WindowedOperatorsTest.Variant variant) {
    // Default retention: 2 * 10 + 5 = 25 ms.
    StreamsBuilder builder = topology(variant, Materialized.as("slide"));
    Properties props = variant.props();
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, String> out =
          driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
      assertThat(pipe(in, out, "a", 20L)).isEmpty();
      assertThat(pipe(in, out, "b", 22L)).isEmpty();
      // a@25 creates a@21/31 (right window of a@20) and a@15/25; close time 20 closes nothing.
      assertThat(pipe(in, out, "a", 25L)).isEmpty();
      // Close time 30: windows starting up to 19, by start across keys.
      assertThat(pipe(in, out, "b", 35L))
          .containsExactly("a@10/20=1@20", "b@12/22=1@22", "a@15/25=2@25");
      // A window ending exactly at the close time is still open: a@30 goes into a@20/30 (and
      // into a@21/31 and a new a@26/36, the right window of a@25).
      assertThat(pipe(in, out, "a", 30L)).isEmpty();
      assertThat(pipe(in, out, "c", 36L)).containsExactly("a@20/30=3@30");
      // Same start: by key.
      assertThat(pipe(in, out, "c", 50L)).containsExactly("a@21/31=2@30", "b@25/35=1@35",
          "a@26/36=1@30", "c@26/36=1@36");
      // c@75 writes c@65/75, so c@40/50 is at the retention boundary (65 - 25) when it closes:
      // Kafka Streams' in-memory store no longer shows it, its RocksDB emit-final store does.
      assertThat(pipe(in, out, "c", 75L))
          .isEqualTo(variant.inMemory() ? List.of() : List.of("c@40/50=1@50"));
      // A jump past the retention: c@65/75 expires before it is emitted and has no final result.
      assertThat(pipe(in, out, "c", 200L)).isEmpty();
      assertThat(pipe(in, out, "c", 215L)).containsExactly("c@190/200=1@200");
      List<TestRecord<byte[], byte[]>> marks = driver.createOutputTopic(
          APP + "-slide-emitted-changelog", new ByteArrayDeserializer(),
          new ByteArrayDeserializer()).readRecordsToList();
      assertThat(marks).extracting(r -> Serdes.Long().deserializer().deserialize("", r.value()))
          .containsExactly(15L, 17L, 20L, 30L, 31L, 45L, 70L, 195L, 210L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.sluice.dsl.WindowedOperatorsTest#variants")
  void finalResultsExpiredByTheClosingRecordAreCountedAndReachTheSideOutput(
      WindowedOperatorsTest.Variant variant) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> input =
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()));
    TimeWindowedKStream<String, String> windowed = input.groupByKey()
        .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(10),
            Duration.ofMillis(5)))
        .emitStrategy(EmitStrategy.onWindowClose());
    windowed.count(Named.as("slide-count"), variant.apply(
            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("slide")
                .withValueSerde(Serdes.Long())))
        .toStream().map((k, v) -> KeyValue.pair(render(k), String.valueOf(v))).to("out");
    windowed.droppedRecords(Named.as("slide-count")).to("dropped");
    AtomicReference<Metrics> metrics = new AtomicReference<>();
    input.process(() -> new Processor<String, String, Void, Void>() {
      @Override
      public void init(ProcessorContext<Void, Void> context) {
        metrics.set(context.metrics());
      }

      @Override
      public void process(Record<String, String> record) {}
    }, Named.as("metrics-probe"));
    Properties props = variant.props();
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, String> out =
          driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
      TestOutputTopic<String, String> dropped =
          driver.createOutputTopic("dropped", new StringDeserializer(), new StringDeserializer());
      pipe(in, out, "c", 36L);
      pipe(in, out, "c", 50L);
      // As in the first test: c@40/50 sits at the retention boundary when c@75 closes it.
      assertThat(pipe(in, out, "c", 75L))
          .isEqualTo(variant.inMemory() ? List.of() : List.of("c@40/50=1@50"));
      // c@200's own puts expire c@65/75: no final result, but a reported drop of c@200.
      assertThat(pipe(in, out, "c", 200L)).isEmpty();
      List<String> expected = variant.inMemory()
          ? List.of("c=1@75/EXPIRED_WINDOW/slide-count", "c=1@200/EXPIRED_WINDOW/slide-count")
          : List.of("c=1@200/EXPIRED_WINDOW/slide-count");
      assertThat(dropped.readRecordsToList()).extracting(r -> r.key() + "=" + r.value() + "@"
          + r.timestamp() + "/" + header(r, DropReporter.REASON_HEADER) + "/"
          + header(r, DropReporter.OPERATOR_HEADER)).isEqualTo(expected);
      Metrics registry = metrics.get();
      assertThat(registry.metric(registry.metricName(DropReporter.TOTAL_METRIC,
          DropReporter.METRIC_GROUP, Map.of("task-id", "0_0", "processor-node-id", "slide-count")))
          .metricValue()).isEqualTo((double) expected.size());
    }
  }

  private static String header(TestRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.sluice.dsl.WindowedOperatorsTest#variants")
  void aLongerRetentionKeepsTheFinalResultsOfAJump(WindowedOperatorsTest.Variant variant) {
    assertJumpKeepsFinalResults(variant, topology(variant,
        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("slide")
            .withRetention(Duration.ofMillis(1_000))), !variant.inMemory());
  }

  /** A store supplier of 1 s retention (persistent: 60 s segments, as Kafka Streams' default). */
  private static StreamsBuilder supplied(boolean persistent) {
    Duration retention = Duration.ofMillis(1_000);
    Duration size = Duration.ofMillis(10);
    WindowBytesStoreSupplier supplier = persistent
        ? Stores.persistentTimestampedWindowStore("slide", retention, size, false)
        : Stores.inMemoryWindowStore("slide", retention, size, false);
    return topology(new WindowedOperatorsTest.Variant(!persistent, false),
        Materialized.as(supplier));
  }

  @ParameterizedTest(name = "persistent {0}")
  @ValueSource(booleans = {false, true})
  void aStoreSuppliersRetentionDecidesWhichFinalResultsAreKept(boolean persistent) {
    // Kafka Streams' key-first RocksDB window store expires like its in-memory one.
    assertJumpKeepsFinalResults(new WindowedOperatorsTest.Variant(!persistent, false),
        supplied(persistent), false);
  }

  @ParameterizedTest(name = "persistent {0}")
  @ValueSource(booleans = {false, true})
  void aPersistentStoreSupplierListsFinalResultsBySegmentThenKey(boolean persistent) {
    Properties props = new WindowedOperatorsTest.Variant(!persistent, false).props();
    try (TopologyTestDriver driver =
        new TopologyTestDriver(supplied(persistent).build(props), props)) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, String> out =
          driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
      pipe(in, out, "a", 20L);
      pipe(in, out, "b", 22L);
      pipe(in, out, "a", 25L);
      assertThat(pipe(in, out, "b", 35L)).isEqualTo(persistent
          ? List.of("a@10/20=1@20", "a@15/25=2@25", "b@12/22=1@22")
          : List.of("a@10/20=1@20", "b@12/22=1@22", "a@15/25=2@25"));
      pipe(in, out, "b", 59_995L);
      pipe(in, out, "a", 59_999L);
      assertThat(pipe(in, out, "a", 60_000L)).isEmpty();
      // a@60000/60010 starts in the second 60 s segment: after every window of the first.
      assertThat(pipe(in, out, "c", 60_100L)).isEqualTo(persistent
          ? List.of("a@59989/59999=1@59999", "a@59990/60000=2@60000", "b@59985/59995=1@59995",
              "a@60000/60010=1@60000")
          : List.of("b@59985/59995=1@59995", "a@59989/59999=1@59999", "a@59990/60000=2@60000",
              "a@60000/60010=1@60000"));
    }
  }

  /**
   * With 1 s of retention, a jump of stream time past the default retention loses nothing; the
   * window at the retention boundary has a final result only if {@code boundaryKept}.
   */
  private static void assertJumpKeepsFinalResults(WindowedOperatorsTest.Variant variant,
      StreamsBuilder builder, boolean boundaryKept) {
    Properties props = variant.props();
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, String> out =
          driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
      assertThat(pipe(in, out, "a", 40L)).isEmpty();
      // With the default 25 ms this jump would expire a@30/40 before its final result.
      assertThat(pipe(in, out, "a", 300L)).containsExactly("a@30/40=1@40");
      // b@1300 writes b@1290/1300: a@290/300 sits at the boundary, 1290 - 1000.
      assertThat(pipe(in, out, "b", 1_300L))
          .isEqualTo(boundaryKept ? List.of("a@290/300=1@300") : List.of());
    }
  }
}
