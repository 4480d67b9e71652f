package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.KeyValueStore;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-table joins through the test driver, with in-memory and RocksDB stores and with caching
 * on and off: results, deletes and timestamps for inner, left and outer joins.
 */
class KTableJoinTest {
  static Stream<StoreVariant> variants() {
    return StoreVariant.all();
  }

  /** Joins table "left" with table "right" and writes the result's updates to "out". */
  private static final class Run implements AutoCloseable {
    final TopologyTestDriver driver;
    final TestInputTopic<String, String> left;
    final TestInputTopic<String, String> right;
    final TestOutputTopic<String, String> out;

    Run(StoreVariant variant,
        BiFunction<KTable<String, String>, KTable<String, String>, KTable<String, String>> join) {
      StreamsBuilder builder = new StreamsBuilder();
      Consumed<String, String> strings = Consumed.with(Serdes.String(), Serdes.String());
      KTable<String, String> l = builder.table("left", strings);
      KTable<String, String> r = builder.table("right", strings);
      join.apply(l, r).toStream().to("out", Produced.with(Serdes.String(), Serdes.String()));
      driver = new TopologyTestDriver(builder.build(variant.props()), variant.props());
      left = driver.createInputTopic("left", new StringSerializer(), new StringSerializer());
      right = driver.createInputTopic("right", new StringSerializer(), new StringSerializer());
      out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
    }

    List<TestRecord<String, String>> read() {
      return out.readRecordsToList();
    }

    @Override
    public void close() {
      driver.close();
    }
  }

  private static TestRecord<String, String> rec(String key, String value, long ts) {
    return new TestRecord<>(key, value, null, ts);
  }

  private static String joined(String l, String r) {
    return l + "+" + r;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void innerJoinEmitsOnlyWhereBothSidesHaveTheKey(StoreVariant variant) {
    try (Run run = new Run(variant, (l, r) -> l.join(r, KTableJoinTest::joined))) {
      run.left.pipeInput("a", "1", 10);
      run.right.pipeInput("b", "x", 11);
      assertThat(run.read()).isEmpty();
      run.right.pipeInput("a", "y", 5);
      assertThat(run.read()).containsExactly(rec("a", "1+y", 10));
      run.right.pipeInput("a", "z", 20);
      run.left.pipeInput("a", "2", 15);
      assertThat(run.read()).containsExactly(rec("a", "1+z", 20), rec("a", "2+z", 20));
      run.left.pipeInput("a", null, 30);
      assertThat(run.read()).containsExactly(rec("a", null, 30));
      run.right.pipeInput("a", null, 31);
      run.left.pipeInput("c", null, 32);
      assertThat(run.read()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void leftJoinKeepsLeftRowsWithoutMatch(StoreVariant variant) {
    try (Run run = new Run(variant, (l, r) -> l.leftJoin(r, KTableJoinTest::joined))) {
      run.right.pipeInput("a", "x", 50);
      assertThat(run.read()).isEmpty();
      run.left.pipeInput("a", "1", 10);
      assertThat(run.read()).containsExactly(rec("a", "1+x", 50));
      run.right.pipeInput("a", null, 60);
      assertThat(run.read()).containsExactly(rec("a", "1+null", 60));
      run.left.pipeInput("b", "2", 70);
      assertThat(run.read()).containsExactly(rec("b", "2+null", 70));
      run.left.pipeInput("a", null, 80);
      assertThat(run.read()).containsExactly(rec("a", null, 80));
      run.right.pipeInput("a", "y", 90);
      assertThat(run.read()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void outerJoinKeepsRowsOfEitherSide(StoreVariant variant) {
    try (Run run = new Run(variant, (l, r) -> l.outerJoin(r, KTableJoinTest::joined))) {
      run.right.pipeInput("a", "x", 50);
      assertThat(run.read()).containsExactly(rec("a", "null+x", 50));
      run.left.pipeInput("a", "1", 10);
      assertThat(run.read()).containsExactly(rec("a", "1+x", 50));
      run.right.pipeInput("a", null, 60);
      assertThat(run.read()).containsExactly(rec("a", "1+null", 60));
      run.left.pipeInput("a", null, 70);
      assertThat(run.read()).containsExactly(rec("a", null, 70));
      run.left.pipeInput("a", null, 80);
      assertThat(run.read()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void materializedResultIsQueryableAndReadableDownstream(StoreVariant variant) {
    try (Run run = new Run(variant, (l, r) -> l
        .join(r, KTableJoinTest::joined, Named.as("j"),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("joined")
                .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
        .mapValues(v -> v.toUpperCase(java.util.Locale.ROOT)))) {
      run.left.pipeInput("a", "1", 10);
      run.right.pipeInput("a", "x", 20);
      assertThat(run.read()).containsExactly(rec("a", "1+X", 20));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void joinOfJoinsReadsTheUnmaterializedJoinThroughBothTables(StoreVariant variant) {
    try (Run run = new Run(variant, (l, r) -> {
      KTable<String, String> first = l.leftJoin(r, KTableJoinTest::joined);
      return r.join(first, (rv, fv) -> rv + "/" + fv);
    })) {
      run.left.pipeInput("a", "1", 10);
      assertThat(run.read()).isEmpty();
      run.right.pipeInput("a", "x", 20);
      assertThat(run.read()).extracting(TestRecord::value).last().isEqualTo("x/1+x");
    }
  }

  @org.junit.jupiter.api.Test
  void joinArgumentsAreCheckedWhenDeclared() {
    StreamsBuilder builder = new StreamsBuilder();
    KTable<String, String> left = builder.table("left");
    KTable<String, String> right = builder.table("right");
    KTable<String, String> foreign = new StreamsBuilder().table("other");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> left.join(foreign, KTableJoinTest::joined))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("join: the other table comes from another StreamsBuilder");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> left.outerJoin(right, (ValueJoiner<String, String, String>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("outerJoin: joiner must not be null");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> left.leftJoin(right, (String v) -> v, KTableJoinTest::joined,
                (TableJoined<String, String>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("leftJoin: tableJoined must not be null");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> left.join(right, (java.util.function.Function<String, String>) null,
                KTableJoinTest::joined))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("join: foreignKeyExtractor must not be null");
  }

  @org.junit.jupiter.api.Test
  void foreignKeyJoinWithoutAnyValueSerdeFailsNamingTheJoin() {
    StreamsBuilder builder = new StreamsBuilder();
    Consumed<String, String> strings = Consumed.with(Serdes.String(), Serdes.String());
    builder.table("left", strings).mapValues(v -> v)
        .join(builder.table("right", strings), v -> v, KTableJoinTest::joined,
            TableJoined.as("no-serde"))
        .toStream().to("out", Produced.with(Serdes.String(), Serdes.String()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
      try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
        driver.createInputTopic("left", new StringSerializer(), new StringSerializer())
            .pipeInput("a", "x");
      }
    }).hasStackTraceContaining("Foreign-key join 'no-serde' has no serde for the left table's"
        + " values").hasStackTraceContaining("default.value.serde");
  }
}
