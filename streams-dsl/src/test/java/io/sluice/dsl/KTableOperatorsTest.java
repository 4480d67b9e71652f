package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import io.sluice.state.TimestampedKeyValueStore;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** KTable operators through the test driver, in every store type with caching on and off. */
class KTableOperatorsTest {
  private static final Consumed<String, String> STRINGS =
      Consumed.with(Serdes.String(), Serdes.String());

  static java.util.stream.Stream<StoreVariant> variants() {
    return StoreVariant.all();
  }

  /** Runs {@code body}'s topology, pipes {@code input} into "in", returns "out" as k=v@ts. */
  static List<String> run(StoreVariant variant, Consumer<StreamsBuilder> body,
      List<TestRecord<String, String>> input, Consumer<TopologyTestDriver> inspect) {
    StreamsBuilder builder = new StreamsBuilder();
    body.accept(builder);
    try (TopologyTestDriver driver =
        new TopologyTestDriver(builder.build(variant.props()), variant.props())) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, String> out =
          driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
      in.pipeRecordList(input);
      List<String> result = new ArrayList<>();
      for (TestRecord<String, String> r : out.readRecordsToList()) {
        result.add(r.key() + "=" + r.value() + "@" + r.timestamp());
      }
      inspect.accept(driver);
      return result;
    }
  }

  static List<String> run(StoreVariant variant, Consumer<StreamsBuilder> body,
      List<TestRecord<String, String>> input) {
    return run(variant, body, input, driver -> { });
  }

  static TestRecord<String, String> rec(String key, String value, long ts) {
    return new TestRecord<>(key, value, null, ts);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void sourceTableForwardsEveryUpdateAndTombstoneAndDropsNullKeys(StoreVariant variant) {
    List<String> out = run(variant,
        b -> b.table("in", STRINGS).toStream().to("out"),
        List.of(rec("a", "1", 10), rec(null, "x", 11), rec("a", "2", 12), rec("a", null, 13),
            rec("b", null, 14)));
    assertThat(out).containsExactly("a=1@10", "a=2@12", "a=null@13", "b=null@14");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void materializedSourceTableIsQueryableAndSkipsDeletesOfAbsentKeysOnlyWhenCaching(
      StoreVariant variant) {
    List<String> out = run(variant,
        b -> b.table("in", STRINGS,
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("rows"))
            .toStream().to("out"),
        List.of(rec("a", "1", 10), rec("b", null, 11), rec("a", "2", 12)),
        driver -> {
          TimestampedKeyValueStore<String, String> rows =
              driver.getTimestampedKeyValueStore("rows");
          assertThat(rows.get("a")).isEqualTo(ValueAndTimestamp.make("2", 12));
          assertThat(rows.get("b")).isNull();
          assertThat(driver.getStateStore("rows").persistent()).isEqualTo(!variant.inMemory());
        });
    if (variant.caching()) {
      assertThat(out).containsExactly("a=1@10", "a=2@12");
    } else {
      assertThat(out).containsExactly("a=1@10", "b=null@11", "a=2@12");
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void filterForwardsRejectedRowsAsTombstones(StoreVariant variant) {
    List<String> out = run(variant,
        b -> b.table("in", STRINGS).filter((k, v) -> v.startsWith("k")).toStream().to("out"),
        List.of(rec("a", "keep", 1), rec("a", "drop", 2), rec("b", "drop", 3)));
    assertThat(out).containsExactly("a=keep@1", "a=null@2", "b=null@3");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void filterNotMaterializedKeepsItsOwnStore(StoreVariant variant) {
    List<String> out = run(variant,
        b -> b.table("in", STRINGS)
            .filterNot((k, v) -> v.startsWith("x"), Named.as("no-x"),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("kept"))
            .toStream().to("out"),
        List.of(rec("a", "1", 1), rec("a", "x", 2), rec("b", "x", 3), rec("b", "2", 4)),
        driver -> {
          TimestampedKeyValueStore<String, String> kept =
              driver.getTimestampedKeyValueStore("kept");
          assertThat(kept.get("a")).isNull();
          assertThat(kept.get("b")).isEqualTo(ValueAndTimestamp.make("2", 4));
        });
    if (variant.caching()) {
      assertThat(out).containsExactly("a=1@1", "a=null@2", "b=2@4");
    } else {
      assertThat(out).containsExactly("a=1@1", "a=null@2", "b=null@3", "b=2@4");
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void mapValuesMapsNewValuesAndKeepsDeletes(StoreVariant variant) {
    List<String> out = run(variant,
        b -> b.table("in", STRINGS).mapValues((k, v) -> k + ":" + v.length()).toStream()
            .to("out"),
        List.of(rec("a", "xyz", 5), rec("a", null, 6)));
    assertThat(out).containsExactly("a=a:3@5", "a=null@6");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void groupByKeyCountReduceAggregate(StoreVariant variant) {
    List<TestRecord<String, String>> input = List.of(rec("a", "1", 10), rec("b", "2", 20),
        rec("a", "3", 5), rec(null, "4", 30), rec("a", null, 31), rec("b", "5", 25));
    assertThat(run(variant, b -> b.stream("in", STRINGS).groupByKey().count().toStream()
            .mapValues(String::valueOf).to("out"), input))
        .containsExactly("a=1@10", "b=1@20", "a=2@10", "b=2@25");
    assertThat(run(variant, b -> b.stream("in", STRINGS).groupByKey()
            .reduce((agg, v) -> agg + "+" + v).toStream().to("out"), input))
        .containsExactly("a=1@10", "b=2@20", "a=1+3@10", "b=2+5@25");
    assertThat(run(variant, b -> b.stream("in", STRINGS).groupByKey()
            .aggregate(() -> "", (k, v, agg) -> agg + v).toStream().to("out"), input))
        .containsExactly("a=1@10", "b=2@20", "a=13@10", "b=25@25");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void groupByRepartitionsAndDropsNullKeys(StoreVariant variant) {
    List<String> out = run(variant,
        b -> b.stream("in", STRINGS).groupBy((k, v) -> v == null ? null : v.substring(0, 1))
            .count(Materialized.as("by-first")).toStream().mapValues(String::valueOf).to("out"),
        List.of(rec("a", "x1", 1), rec("b", "x2", 2), rec("c", null, 3), rec("d", "y", 4)),
        driver -> assertThat(driver.<String, Long>getTimestampedKeyValueStore("by-first")
            .get("x")).isEqualTo(ValueAndTimestamp.make(2L, 2)));
    assertThat(out).containsExactly("x=1@1", "x=2@2", "y=1@4");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void groupedTableSubtractsBeforeAdding(StoreVariant variant) {
    List<String> out = run(variant,
        b -> b.table("in", STRINGS)
            .groupBy((k, v) -> KeyValue.pair(v, k))
            .aggregate(() -> "", (k, v, agg) -> agg + "+" + v, (k, v, agg) -> agg + "-" + v)
            .toStream().to("out"),
        List.of(rec("a", "g1", 1), rec("b", "g1", 2), rec("a", "g2", 3), rec("b", null, 4),
            rec("a", "g2", 5)));
    // a moves g1 -> g2: subtract from g1, then add to g2; re-putting a=g2 updates g2 in one step.
    assertThat(out).containsExactly("g1=+a@1", "g1=+a+b@2", "g1=+a+b-a@3", "g2=+a@3",
        "g1=+a+b-a-b@4", "g2=+a-a+a@5");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void groupedTableCountAndReduce(StoreVariant variant) {
    List<TestRecord<String, String>> input = List.of(rec("a", "1", 1), rec("b", "1", 2),
        rec("a", "2", 3), rec("a", null, 4));
    assertThat(run(variant, b -> b.table("in", STRINGS).groupBy((k, v) -> KeyValue.pair(v, k))
            .count().toStream().mapValues(String::valueOf).to("out"), input))
        .containsExactly("1=1@1", "1=2@2", "1=1@3", "2=1@3", "2=0@4");
    assertThat(run(variant, b -> b.table("in", STRINGS).groupBy((k, v) -> KeyValue.pair("all", v))
            .reduce((agg, v) -> agg + v, (agg, v) -> agg.replaceFirst(v, "")).toStream()
            .to("out"), input))
        .containsExactly("all=1@1", "all=11@2", "all=12@3", "all=1@4");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void toTableAfterKeyChangeRepartitions(StoreVariant variant) {
    List<String> out = run(variant,
        b -> b.stream("in", STRINGS).selectKey((k, v) -> v).toTable().toStream().to("out"),
        List.of(rec("a", "x", 1), rec("b", null, 2), rec("c", "y", 3)));
    assertThat(out).containsExactly("x=x@1", "y=y@3");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void repartitionKeepsRecordsAndTheirOrderButDropsNullKeys(StoreVariant variant) {
    List<String> out = run(variant,
        b -> b.stream("in", STRINGS).repartition(Repartitioned.<String, String>as("again")
            .withNumberOfPartitions(3)).to("out"),
        List.of(rec("a", "x", 1), rec(null, "y", 2), rec("b", "z", 3)));
    assertThat(out).containsExactly("a=x@1", "b=z@3");
  }
}
