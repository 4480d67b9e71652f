package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.dsl.internals.DropReporter;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.StreamTask;
import io.sluice.runtime.internals.SyncDriver;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * KStream.deduplicate through the test driver, with both store types, both store kinds
 * (default.dsl.store) and caching on and off; the replay of a record at the same offset through
 * the engine's synchronous driver.
 */
class DeduplicateTest {
  private static final Consumed<String, String> STRINGS =
      Consumed.with(Serdes.String(), Serdes.String());

  static Stream<Arguments> matrix() {
    List<Arguments> all = new ArrayList<>();
    for (Deduplicated.StoreType type : Deduplicated.StoreType.values()) {
      for (String kind : List.of(StreamsConfig.ROCKS_DB, StreamsConfig.IN_MEMORY)) {
        for (boolean caching : List.of(true, false)) {
          all.add(Arguments.of(type, kind, caching));
        }
      }
    }
    return all.stream();
  }

  private static Properties props(String storeKind) {
    Properties props = new Properties();
    props.put(StreamsConfig.DEFAULT_DSL_STORE, storeKind);
    props.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE, Serdes.StringSerde.class);
    return props;
  }

  private static <ID> Deduplicated<ID> options(
      Deduplicated<ID> base, Deduplicated.StoreType type, boolean caching) {
    Deduplicated<ID> typed = base.withStoreType(type);
    return caching ? typed.withCachingEnabled() : typed.withCachingDisabled();
  }

  private static List<TestRecord<String, String>> run(StreamsBuilder builder, String storeKind,
      List<TestRecord<String, String>> input, String outTopic) {
    try (TopologyTestDriver driver =
        new TopologyTestDriver(builder.build(props(storeKind)), props(storeKind))) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      in.pipeRecordList(input);
      TestOutputTopic<String, String> out =
          driver.createOutputTopic(outTopic, new StringDeserializer(), new StringDeserializer());
      return out.readRecordsToList();
    }
  }

  private static TestRecord<String, String> rec(String key, String value, long ts) {
    return new TestRecord<>(key, value, null, ts);
  }

  @ParameterizedTest(name = "{0} {1} caching={2}")
  @MethodSource("matrix")
  void byKeyForwardsTheFirstRecordOfAKeyPerInterval(
      Deduplicated.StoreType type, String kind, boolean caching) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", STRINGS)
        .deduplicate(Duration.ofMillis(100),
            options(Deduplicated.<String>as("dedup").withIdSerde(Serdes.String()), type, caching))
        .to("out");
    List<TestRecord<String, String>> out = run(builder, kind, List.of(
        rec("a", "1", 1_000), rec("a", "2", 1_050), rec("b", "3", 1_060),
        rec("a", "4", 1_100), rec("a", "5", 990), rec("a", "6", 1_101),
        rec("b", "7", 1_200), rec("a", "8", 1_150)), "out");
    // a@1000 first; 1050, 1100 (inclusive bound) and 990 (out of order) are repeats; 1101 is
    // past the interval and starts a new one, which 1150 repeats; b@1200 is 140 after b@1060.
    assertThat(out).extracting(TestRecord::value).containsExactly("1", "3", "6", "7");
    assertThat(out.get(0).timestamp()).isEqualTo(1_000);
  }

  @ParameterizedTest(name = "{0} {1} caching={2}")
  @MethodSource("matrix")
  void byIdRepartitionsAndDropsNullIdsToTheSideOutput(
      Deduplicated.StoreType type, String kind, boolean caching) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> in = builder.stream("in", STRINGS);
    in.deduplicate((k, v) -> v == null ? null : v.split(":")[0], Duration.ofSeconds(10),
            options(Deduplicated.<String>as("by-id").withIdSerde(Serdes.String()), type, caching))
        .to("out");
    in.droppedRecords(Named.as("by-id")).to("dropped");
    List<TestRecord<String, String>> input = List.of(
        rec("k1", "x:1", 100), rec("k2", "x:2", 200), rec("k3", null, 300),
        rec("k1", "y:1", 400), rec("k4", "y:2", 20_000), rec(null, "z:1", 20_001),
        rec(null, "z:2", 20_002));
    try (TopologyTestDriver driver =
        new TopologyTestDriver(builder.build(props(kind)), props(kind))) {
      driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
          .pipeRecordList(input);
      List<TestRecord<String, String>> out = driver.createOutputTopic(
          "out", new StringDeserializer(), new StringDeserializer()).readRecordsToList();
      assertThat(out).extracting(TestRecord::key, TestRecord::value).containsExactly(
          org.assertj.core.groups.Tuple.tuple("k1", "x:1"),
          org.assertj.core.groups.Tuple.tuple("k1", "y:1"),
          org.assertj.core.groups.Tuple.tuple("k4", "y:2"),
          // A record without a key has an id all the same.
          org.assertj.core.groups.Tuple.tuple(null, "z:1"));
      List<TestRecord<String, String>> dropped = driver.createOutputTopic(
          "dropped", new StringDeserializer(), new StringDeserializer()).readRecordsToList();
      assertThat(dropped).extracting(TestRecord::key).containsExactly("k3");
      assertThat(new String(dropped.get(0).headers().lastHeader(DropReporter.REASON_HEADER)
          .value(), StandardCharsets.UTF_8)).isEqualTo("NULL_KEY");
      assertThat(driver.producedTopicNames()).contains("sluice-test-driver-by-id-repartition");
    }
  }

  @ParameterizedTest(name = "{0} {1} caching={2}")
  @MethodSource("matrix")
  void aRecordReplayedAtTheSameOffsetIsForwardedAgainButACopyAtAnotherOffsetIsNot(
      Deduplicated.StoreType type, String kind, boolean caching) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", STRINGS)
        .deduplicate(Duration.ofMinutes(1),
            options(Deduplicated.<String>as("dedup").withIdSerde(Serdes.String()), type, caching))
        .to("out");
    try (SyncDriver driver = new SyncDriver(builder.build(props(kind)), props(kind), 0L)) {
      pipe(driver, "a", "first", 1_000);
      pipe(driver, "a", "copy", 1_001);
      // After a failure the task reprocesses from its last committed offset: offset 0 again,
      // while the store still remembers it.
      replay(driver.tasks().get(0), 0, "a", "first", 1_000);
      replay(driver.tasks().get(0), 1, "a", "copy", 1_001);
      pipe(driver, "a", "third", 1_002);
      List<String> out = new ArrayList<>();
      for (ProducerRecord<byte[], byte[]> r = driver.readOutput("out"); r != null;
          r = driver.readOutput("out")) {
        out.add(new String(r.value(), StandardCharsets.UTF_8));
      }
      assertThat(out).containsExactly("first", "first");
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void pipe(SyncDriver driver, String key, String value, long ts) {
    driver.pipe("in", utf8(key), utf8(value), ts, null);
  }

  private static void replay(StreamTask task, long offset, String key, String value, long ts) {
    byte[] k = utf8(key);
    byte[] v = utf8(value);
    task.addRecords(new TopicPartition("in", 0), List.of(new ConsumerRecord<>("in", 0, offset,
        ts, TimestampType.CREATE_TIME, k.length, v.length, k, v, new RecordHeaders(),
        Optional.empty())));
    while (task.process(0L)) {
      // process everything buffered
    }
  }

  @Test
  void intervalMustBePositive() {
    KStream<String, String> in = new StreamsBuilder().stream("in", STRINGS);
    assertThatThrownBy(() -> in.deduplicate(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("within must be positive but was PT0S");
    assertThatThrownBy(() -> in.deduplicate(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unnamedDeduplicationGetsGeneratedNames() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", STRINGS).deduplicate(Duration.ofSeconds(1)).to("out");
    assertThat(builder.build().describe().toString())
        .contains("KSTREAM-DEDUPLICATE-0000000001")
        .contains("KSTREAM-DEDUPLICATE-STATE-STORE-0000000002");
  }
}
