package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.dsl.internals.DropReporter;
import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.KeyValue;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dropped-records side outputs of the real operators: null keys in aggregations (with and without
 * a repartition), late records in windowed aggregations; with both store types and caching on and
 * off.
 */
class DroppedRecordsDslTest {
  private static final Consumed<String, String> STRINGS =
      Consumed.with(Serdes.String(), Serdes.String());

  private static Properties props(String storeKind, boolean caching) {
    Properties props = new Properties();
    props.put(StreamsConfig.DEFAULT_DSL_STORE, storeKind);
    props.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE, Serdes.StringSerde.class);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES, caching ? 10_000_000L : 0L);
    return props;
  }

  private static String header(TestRecord<String, String> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Pipes {@code input} into "in" and returns what reached "dropped", as key=value/reason. */
  private static List<String> dropped(Consumer<StreamsBuilder> declare, String storeKind,
      boolean caching, List<TestRecord<String, String>> input) {
    StreamsBuilder builder = new StreamsBuilder();
    declare.accept(builder);
    Properties props = props(storeKind, caching);
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
      driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
          .pipeRecordList(input);
      List<String> out = new ArrayList<>();
      for (TestRecord<String, String> r : driver.createOutputTopic("dropped",
          new StringDeserializer(), new StringDeserializer()).readRecordsToList()) {
        out.add(r.key() + "=" + r.value() + "@" + r.timestamp() + "/"
            + header(r, DropReporter.REASON_HEADER) + "/" + header(r, DropReporter.OPERATOR_HEADER)
            + (header(r, DropReporter.WINDOW_CLOSE_HEADER) == null ? ""
                : "/closed@" + header(r, DropReporter.WINDOW_CLOSE_HEADER)));
      }
      return out;
    }
  }

  private static TestRecord<String, String> rec(String key, String value, long ts) {
    return new TestRecord<>(key, value, null, ts);
  }

  @ParameterizedTest(name = "{0} caching={1}")
  @CsvSource({"rocksDB,true", "rocksDB,false", "in_memory,true", "in_memory,false"})
  void nullKeysOfAnAggregationReachItsSideOutput(String storeKind, boolean caching) {
    List<String> out = dropped(builder -> {
      KStream<String, String> in = builder.stream("in", STRINGS);
      in.groupByKey().count(Named.as("count"));
      in.droppedRecords(Named.as("count")).to("dropped");
    }, storeKind, caching, List.of(rec("a", "1", 10), rec(null, "2", 20), rec("b", "3", 30)));
    assertThat(out).containsExactly("null=2@20/NULL_KEY/count");
  }

  @ParameterizedTest(name = "{0} caching={1}")
  @CsvSource({"rocksDB,true", "rocksDB,false", "in_memory,true", "in_memory,false"})
  void nullKeysBeforeARepartitionReachTheGroupedStreamsSideOutput(
      String storeKind, boolean caching) {
    List<String> out = dropped(builder -> {
      KGroupedStream<String, String> grouped = builder.stream("in", STRINGS)
          .selectKey((k, v) -> v.isEmpty() ? null : v.substring(0, 1))
          .groupByKey(Grouped.as("by-first"));
      grouped.count(Named.as("count"));
      grouped.droppedRecords(Named.as("count")).to("dropped");
    }, storeKind, caching, List.of(rec("a", "x1", 10), rec("b", "", 20), rec("c", "y", 30)));
    assertThat(out).containsExactly("null=@20/NULL_KEY/count");
  }

  @ParameterizedTest(name = "{0} caching={1}")
  @CsvSource({"rocksDB,true", "rocksDB,false", "in_memory,true", "in_memory,false"})
  void lateRecordsOfAWindowedAggregationCarryTheWindowCloseTime(
      String storeKind, boolean caching) {
    List<String> out = dropped(builder -> {
      KGroupedStream<String, String> grouped = builder.stream("in", STRINGS).groupByKey();
      grouped.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(100), Duration.ofMillis(50)))
          .count(Named.as("per-100ms"));
      grouped.droppedRecords(Named.as("per-100ms")).to("dropped");
    }, storeKind, caching, List.of(
        rec("a", "1", 1_000), rec("a", "2", 1_200), rec("a", "late", 1_040),
        rec("a", "in-grace", 1_150), rec("b", "late-too", 1_099)));
    // Window [1000,1100) closes at 1150: stream time 1200 makes 1040 and 1099 late.
    assertThat(out).containsExactly(
        "a=late@1040/LATE/per-100ms/closed@1150", "b=late-too@1099/LATE/per-100ms/closed@1150");
  }

  @ParameterizedTest(name = "{0} caching={1}")
  @CsvSource({"rocksDB,true", "in_memory,false"})
  void windowedStreamsOfferTheSameSideOutput(String storeKind, boolean caching) {
    List<String> out = dropped(builder -> {
      TimeWindowedKStream<String, String> windowed = builder.stream("in", STRINGS).groupByKey()
          .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMillis(100)));
      windowed.count(Named.as("tumbling"));
      windowed.droppedRecords(Named.as("tumbling")).to("dropped");
    }, storeKind, caching, List.of(rec("a", "1", 1_000), rec("a", "2", 1_200),
        rec("a", "late", 1_010), rec(null, "no-key", 1_300)));
    assertThat(out).containsExactly(
        "a=late@1010/LATE/tumbling/closed@1100", "null=no-key@1300/NULL_KEY/tumbling");
  }

  @ParameterizedTest(name = "{0} caching={1}")
  @CsvSource({"rocksDB,true", "rocksDB,false", "in_memory,true", "in_memory,false"})
  void nullKeysFromATableGroupBySelectorReachTheGroupedTablesSideOutput(
      String storeKind, boolean caching) {
    List<String> out = dropped(builder -> {
      KGroupedTable<String, String> grouped = builder.table("in", STRINGS)
          .groupBy((k, v) -> KeyValue.pair(v.isEmpty() ? null : v, k),
              Grouped.<String, String>as("by-value"));
      grouped.count(Named.as("count"));
      grouped.droppedRecords(Named.as("by-value")).to("dropped");
    }, storeKind, caching, List.of(rec("a", "x", 10), rec("b", "", 20), rec("c", "x", 30)));
    assertThat(out).containsExactly("null=b@20/NULL_KEY/by-value");
  }

  @ParameterizedTest(name = "{0} caching={1}")
  @CsvSource({"rocksDB,true", "rocksDB,false", "in_memory,true", "in_memory,false"})
  void lateRecordsOfAStreamStreamJoinReachTheSideOutputOfTheirSide(
      String storeKind, boolean caching) {
    List<String> out = dropped(builder -> {
      KStream<String, String> left = builder.stream("in", STRINGS);
      KStream<String, String> right = builder.stream("right", STRINGS);
      left.join(right, (a, b) -> a + b,
              JoinWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(100), Duration.ZERO),
              StreamJoined.<String, String, String>as("j").withName("j"))
          .to("joined");
      left.droppedRecords(Named.as("j")).to("dropped");
    }, storeKind, caching, List.of(rec("a", "1", 1_000), rec("a", "2", 1_300),
        rec("a", "late", 1_050), rec(null, "no-key", 1_300)));
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).startsWith("a=late@1050/LATE/j/closed@");
    assertThat(out.get(1)).isEqualTo("null=no-key@1300/NULL_KEY/j");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"rocksDB"})
  void aStreamThatTheOperatorDoesNotReadIsRefused(String storeKind) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> in = builder.stream("in", STRINGS);
    KStream<String, String> other = builder.stream("other", STRINGS);
    in.groupByKey().count(Named.as("count"));
    assertThatThrownBy(() -> other.droppedRecords(Named.as("count")))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("operator 'count' does not read from this stream");
  }
}
