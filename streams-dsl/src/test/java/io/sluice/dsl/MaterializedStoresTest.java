package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link Materialized} and the build settings decide about DSL stores (type, supplier,
 * changelog, caching, queryable name), how aggregations report the records they drop, and the
 * errors for a missing serde or a bad setting.
 */
class MaterializedStoresTest {
  private static final Consumed<String, String> STRINGS =
      Consumed.with(Serdes.String(), Serdes.String());

  static java.util.stream.Stream<StoreVariant> variants() {
    return StoreVariant.all();
  }

  private static Properties props(StoreVariant variant) {
    Properties props = variant.props();
    props.put(StreamsConfig.APPLICATION_ID, "app");
    return props;
  }

  private static void withDriver(StoreVariant variant, Consumer<StreamsBuilder> body,
      List<KeyValue<String, String>> input, Consumer<TopologyTestDriver> check) {
    StreamsBuilder builder = new StreamsBuilder();
    body.accept(builder);
    try (TopologyTestDriver driver =
        new TopologyTestDriver(builder.build(props(variant)), props(variant))) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      long ts = 1;
      for (KeyValue<String, String> kv : input) {
        in.pipeInput(new TestRecord<>(kv.key(), kv.value(), null, ts++));
      }
      check.accept(driver);
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void storeTypeOfMaterializedWinsOverDefaultDslStore(StoreVariant variant) {
    withDriver(variant, b -> {
      KGroupedStream<String, String> grouped = b.stream("in", STRINGS).groupByKey();
      grouped.count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("defaulted"));
      grouped.count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("in-mem")
          .withStoreType(Materialized.StoreType.IN_MEMORY));
      grouped.count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(
          Materialized.StoreType.ROCKS_DB));
      grouped.count(Materialized.as(Stores.inMemoryKeyValueStore("supplied")));
    }, List.of(KeyValue.pair("a", "1")), driver -> {
      assertThat(driver.getStateStore("defaulted").persistent()).isEqualTo(!variant.inMemory());
      assertThat(driver.getStateStore("in-mem").persistent()).isFalse();
      assertThat(driver.getStateStore("KSTREAM-AGGREGATE-STATE-STORE-0000000003").persistent())
          .isTrue();
      assertThat(driver.getStateStore("supplied").persistent()).isFalse();
      assertThat(driver.<String, Long>getTimestampedKeyValueStore("supplied").get("a").value())
          .isEqualTo(1L);
    });
  }

  @ParameterizedTest
  @MethodSource("variants")
  void changelogFollowsLoggingSwitch(StoreVariant variant) {
    withDriver(variant, b -> {
      KGroupedStream<String, String> grouped = b.stream("in", STRINGS).groupByKey();
      grouped.count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("logged")
          .withLoggingEnabled(Map.of("retention.ms", "1000")));
      grouped.count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("local")
          .withLoggingDisabled());
    }, List.of(KeyValue.pair("a", "1"), KeyValue.pair("a", "2")), driver -> {
      assertThat(driver.producedTopicNames()).contains("app-logged-changelog")
          .doesNotContain("app-local-changelog");
      assertThat(driver.createOutputTopic("app-logged-changelog", new StringDeserializer(),
          new StringDeserializer()).readRecordsToList()).hasSize(2);
    });
  }

  @Test
  void queryableStoreNameOnlyForNamedStores() {
    StreamsBuilder builder = new StreamsBuilder();
    KTable<String, String> named = builder.table("in",
        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("rows"));
    assertThat(named.queryableStoreName()).isEqualTo("rows");
    assertThat(named.filter((k, v) -> true).queryableStoreName()).isNull();
    assertThat(named.mapValues(v -> v, Materialized.with(null, Serdes.String()))
        .queryableStoreName()).isNull();
    assertThat(builder.table("in2").queryableStoreName()).isNull();
    assertThat(builder.stream("in3").groupByKey().count(Materialized.as("n"))
        .queryableStoreName()).isEqualTo("n");
  }

  @Test
  void sourceTableGetsAStoreOnlyWhenNamedOrNeeded() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.table("plain").toStream().to("out");
    builder.<String, String>table("grouped").groupBy((k, v) -> KeyValue.pair(v, k)).count();
    String description = builder.build().describe().toString();
    assertThat(description).contains("KTABLE-SOURCE-0000000002 (stores: [])")
        .contains("stores: [grouped-STATE-STORE-0000000005]");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void aggregationsReportDroppedRecordsOnTheirSideOutput(StoreVariant variant) {
    withDriver(variant, b -> {
      KStream<String, String> in = b.stream("in", STRINGS);
      in.groupByKey().count(Named.as("counter"));
      in.droppedRecords(Named.as("counter")).to("dropped");
      KStream<String, String> rekeyed = in.selectKey((k, v) -> k);
      rekeyed.groupByKey().reduce((x, y) -> x + y, Named.as("joiner"),
          Materialized.as("joined"));
      rekeyed.droppedRecords(Named.as("joiner")).to("dropped-after-repartition");
    }, List.of(KeyValue.pair(null, "1"), KeyValue.pair("a", null), KeyValue.pair("a", "2")),
        driver -> {
          assertThat(reasons(driver, "dropped")).containsExactly("NULL_KEY", "NULL_VALUE");
          assertThat(reasons(driver, "dropped-after-repartition"))
              .containsExactlyInAnyOrder("NULL_KEY", "NULL_VALUE");
        });
  }

  private static List<String> reasons(TopologyTestDriver driver, String topic) {
    return driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer())
        .readRecordsToList().stream()
        .map(r -> new String(r.headers().lastHeader("sluice.dropped.reason").value(),
            StandardCharsets.UTF_8))
        .toList();
  }

  @Test
  void groupedTableWithoutAnyValueSerdeFailsNamingTheOperator() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.table("in", STRINGS).groupBy((k, v) -> KeyValue.pair(v, k)).count();
    Properties props = new Properties();
    props.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
    assertThatThrownBy(() -> {
      try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
        driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
            .pipeInput("k", "v");
      }
    }).hasStackTraceContaining("KTABLE-SELECT-0000000003")
        .hasStackTraceContaining("default.value.serde");
  }

  @Test
  void repartitionTopicsAreDeclaredWithTheirPartitionCounts() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> in = builder.stream("in");
    in.repartition(Repartitioned.<String, String>as("again").withNumberOfPartitions(3));
    in.selectKey((k, v) -> v).groupByKey().count();
    in.selectKey((k, v) -> v).groupByKey(Grouped.as("named")).count(Named.as("counted"));
    builder.<String, String>table("t").groupBy((k, v) -> KeyValue.pair(v, k)).count();
    assertThat(InternalTopologyBuilder.of(builder.build()).internalTopics()).containsExactly(
        Map.entry("again-repartition", 3),
        Map.entry("KSTREAM-AGGREGATE-STATE-STORE-0000000005-repartition", -1),
        Map.entry("named-repartition", -1),
        Map.entry("KTABLE-AGGREGATE-STATE-STORE-0000000020-repartition", -1));
  }

  @Test
  void invalidSettingsFailTheBuild() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in").groupByKey().count();
    Properties store = new Properties();
    store.put(StreamsConfig.DEFAULT_DSL_STORE, "leveldb");
    assertThatThrownBy(() -> builder.build(store)).isInstanceOf(TopologyException.class)
        .hasMessageContaining("leveldb").hasMessageContaining("in_memory");
    Properties cache = new Properties();
    cache.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES, "lots");
    assertThatThrownBy(() -> builder.build(cache)).isInstanceOf(TopologyException.class)
        .hasMessageContaining("lots");
  }
}
