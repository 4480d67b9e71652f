package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.dsl.internals.DropReporter;
import io.sluice.processor.Topology;
import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * topology.optimization=all: the TopologyDescription before and after, and identical results with
 * and without it (both store types, caching on and off).
 */
class OptimizationTest {
  private static final Consumed<String, String> STRINGS =
      Consumed.with(Serdes.String(), Serdes.String());

  private static Properties props(String optimization, String storeKind, boolean caching) {
    Properties props = new Properties();
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION, optimization);
    props.put(StreamsConfig.DEFAULT_DSL_STORE, storeKind);
    props.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE, Serdes.StringSerde.class);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES, caching ? 10_000_000L : 0L);
    return props;
  }

  /** One key change, two aggregations and a side output of the null keys of one of them. */
  private static void twoAggregationsAfterOneKeyChange(StreamsBuilder builder) {
    KStream<String, String> rekeyed =
        builder.stream("in", STRINGS).selectKey((k, v) -> v == null ? null : v.substring(0, 1));
    KGroupedStream<String, String> grouped = rekeyed.groupByKey();
    grouped.count(Named.as("count")).toStream().mapValues(String::valueOf).to("counts");
    grouped.reduce((a, b) -> a + b, Named.as("concat"), Materialized.as("concat-store"))
        .toStream().to("concats");
    rekeyed.droppedRecords(Named.as("concat")).to("dropped");
  }

  private static Topology build(Consumer<StreamsBuilder> declare, Properties props) {
    StreamsBuilder builder = new StreamsBuilder();
    declare.accept(builder);
    return builder.build(props);
  }

  @Test
  void repartitionTopicsOfOneKeyChangeAreMerged() {
    Topology plain = build(OptimizationTest::twoAggregationsAfterOneKeyChange,
        props("none", StreamsConfig.ROCKS_DB, true));
    Topology optimized = build(OptimizationTest::twoAggregationsAfterOneKeyChange,
        props("all", StreamsConfig.ROCKS_DB, true));
    // The null keys dropped before the repartition reach the side output over their own topic.
    assertThat(InternalTopologyBuilder.of(plain).internalTopics()).containsOnlyKeys(
        "KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition", "concat-store-repartition",
        "concat-dropped-0-repartition");
    assertThat(InternalTopologyBuilder.of(optimized).internalTopics()).containsOnlyKeys(
        "KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition", "concat-dropped-0-repartition");
    assertThat(plain.describe().subtopologies()).hasSize(3);
    assertThat(optimized.describe().subtopologies()).hasSize(2);
  }

  @Test
  void onlyTopicsPartitionedByKeyTheDefaultWayAreMerged() {
    Topology optimized = build(builder -> {
      KStream<String, String> rekeyed =
          builder.stream("in", STRINGS).selectKey((k, v) -> v, Named.as("rekey"));
      rekeyed.repartition(Repartitioned.<String, String>as("three").withNumberOfPartitions(3))
          .to("three-out");
      rekeyed.deduplicate((k, v) -> v + k, java.time.Duration.ofSeconds(1),
          Deduplicated.<String>as("dedup").withIdSerde(Serdes.String())).to("dedup-out");
      rekeyed.groupByKey().count(Named.as("count"), Materialized.as("count-store"));
      rekeyed.groupByKey().count(Named.as("count2"), Materialized.as("count2-store"));
    }, props("all", StreamsConfig.ROCKS_DB, true));
    assertThat(InternalTopologyBuilder.of(optimized).internalTopics())
        .containsOnlyKeys("three-repartition", "dedup-repartition", "count-store-repartition");
  }

  @ParameterizedTest(name = "{0} caching={1}")
  @CsvSource({"rocksDB,true", "rocksDB,false", "in_memory,true", "in_memory,false"})
  void mergedRepartitionGivesTheSameResults(String storeKind, boolean caching) {
    Random random = new Random(42);
    List<TestRecord<String, String>> input = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String value = random.nextInt(10) == 0 ? null : "abcde".charAt(random.nextInt(5)) + "" + i;
      input.add(new TestRecord<>("k" + i, value, null, 1_000L + i));
    }
    Map<String, List<String>> plain = run(OptimizationTest::twoAggregationsAfterOneKeyChange,
        props("none", storeKind, caching), input);
    Map<String, List<String>> optimized = run(OptimizationTest::twoAggregationsAfterOneKeyChange,
        props("all", storeKind, caching), input);
    assertThat(optimized).isEqualTo(plain);
    assertThat(plain.get("dropped")).isNotEmpty();
    assertThat(plain.get("counts")).isNotEmpty();
  }

  private static Map<String, List<String>> run(Consumer<StreamsBuilder> declare, Properties props,
      List<TestRecord<String, String>> input) {
    try (TopologyTestDriver driver = new TopologyTestDriver(build(declare, props), props)) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      in.pipeRecordList(input);
      Map<String, List<String>> out = new java.util.TreeMap<>();
      for (String topic : List.of("counts", "concats", "dropped")) {
        List<String> lines = new ArrayList<>();
        for (TestRecord<String, String> r : driver.createOutputTopic(
            topic, new StringDeserializer(), new StringDeserializer()).readRecordsToList()) {
          org.apache.kafka.common.header.Header reason =
              r.headers().lastHeader(DropReporter.REASON_HEADER);
          lines.add(r.key() + "=" + r.value() + "@" + r.timestamp()
              + (reason == null ? "" : "/" + new String(reason.value(), StandardCharsets.UTF_8)));
        }
        out.put(topic, lines);
      }
      return out;
    }
  }

  /** A source table and a count over it. */
  private static void sourceTable(StreamsBuilder builder) {
    builder.table("users", STRINGS, Materialized.as("users-store"))
        .toStream().to("users-out");
  }

  @Test
  void aSourceTableRestoresFromItsTopicInsteadOfAChangelog() {
    Properties none = props("none", StreamsConfig.ROCKS_DB, false);
    Properties all = props("all", StreamsConfig.ROCKS_DB, false);
    try (TopologyTestDriver plain = new TopologyTestDriver(build(OptimizationTest::sourceTable,
        none), none);
        TopologyTestDriver optimized = new TopologyTestDriver(build(OptimizationTest::sourceTable,
            all), all)) {
      for (TopologyTestDriver driver : List.of(plain, optimized)) {
        driver.createInputTopic("users", new StringSerializer(), new StringSerializer())
            .pipeInput("u1", "alice", 5L);
      }
      assertThat(plain.producedTopicNames()).contains("sluice-test-driver-users-store-changelog");
      assertThat(optimized.producedTopicNames())
          .doesNotContain("sluice-test-driver-users-store-changelog");
      for (TopologyTestDriver driver : List.of(plain, optimized)) {
        assertThat(driver.createOutputTopic("users-out", new StringDeserializer(),
            new StringDeserializer()).readKeyValuesToList()).hasSize(1);
        assertThat(driver.<String, String>getTimestampedKeyValueStore("users-store").get("u1")
            .value()).isEqualTo("alice");
      }
    }
    Topology optimized = build(OptimizationTest::sourceTable, all);
    assertThat(InternalTopologyBuilder.of(optimized).sourceChangelogs())
        .containsOnlyKeys("users-store");
    assertThat(InternalTopologyBuilder.of(build(OptimizationTest::sourceTable, none))
        .sourceChangelogs()).isEmpty();
  }

  @Test
  void anUnknownOptimizationIsATopologyErrorListingTheValidOnes() {
    assertThatThrownBy(() -> build(OptimizationTest::sourceTable,
        props("fast", StreamsConfig.ROCKS_DB, true)))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("Invalid value 'fast' for topology.optimization")
        .hasMessageContaining("use all or none");
  }
}
