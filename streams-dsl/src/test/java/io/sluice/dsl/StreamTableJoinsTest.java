package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stream-table and stream-global-table joins through the test driver, in every {@link
 * StoreVariant}: the table as of processing, tombstones, null keys and values, key mappers, names.
 */
class StreamTableJoinsTest {

  private static final class Run implements AutoCloseable {
    final TopologyTestDriver driver;

    Run(StoreVariant variant, Consumer<StreamsBuilder> body) {
      StreamsBuilder builder = new StreamsBuilder();
      body.accept(builder);
      Properties props = variant.props();
      driver = new TopologyTestDriver(builder.build(props), props);
    }

    TestInputTopic<String, String> in(String topic) {
      return driver.createInputTopic(topic, new StringSerializer(), new StringSerializer());
    }

    List<TestRecord<String, String>> out(String topic) {
      return driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer())
          .readRecordsToList();
    }

    @Override
    public void close() {
      driver.close();
    }
  }

  private static TestRecord<String, String> rec(String key, String value, long ts) {
    return new TestRecord<>(key, value, new RecordHeaders(), ts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.sluice.dsl.StoreVariant#all")
  void streamRecordsJoinTheTableAsOfTheirProcessing(StoreVariant variant) {
    try (Run run = new Run(variant, b -> {
      KStream<String, String> stream = b.stream("s");
      KTable<String, String> table = b.table("t");
      stream.join(table, (v, t) -> v + "/" + t).to("inner");
      stream.leftJoin(table, (k, v, t) -> k + ":" + v + "/" + t).to("left");
    })) {
      TestInputTopic<String, String> s = run.in("s");
      TestInputTopic<String, String> t = run.in("t");
      s.pipeInput(rec("k", "early", 10));
      t.pipeInput(rec("k", "one", 20));
      s.pipeInput(rec("k", "a", 5));
      t.pipeInput(rec("k", "two", 30));
      t.pipeInput(rec("other", "x", 31));
      s.pipeInput(rec("k", "b", 40));
      t.pipeInput(rec("k", null, 50));
      s.pipeInput(rec("k", "c", 60));
      assertThat(run.out("inner")).containsExactly(rec("k", "a/one", 5), rec("k", "b/two", 40));
      assertThat(run.out("left")).containsExactly(rec("k", "k:early/null", 10),
          rec("k", "k:a/one", 5), rec("k", "k:b/two", 40), rec("k", "k:c/null", 60));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.sluice.dsl.StoreVariant#all")
  void nullKeysAndValuesAreDroppedAndReportedButLeftJoinsKeepKeylessRecords(
      StoreVariant variant) {
    try (Run run = new Run(variant, b -> {
      KStream<String, String> stream = b.stream("s");
      KTable<String, String> table = b.table("t");
      stream.join(table, (v, t) -> v + "/" + t, Joined.as("inner-join")).to("inner");
      stream.leftJoin(table, (v, t) -> v + "/" + t, Joined.as("left-join")).to("left");
      stream.droppedRecords(Named.as("inner-join")).to("dropped-inner");
      stream.droppedRecords(Named.as("left-join")).to("dropped-left");
    })) {
      run.in("t").pipeInput(rec("k", "one", 1));
      TestInputTopic<String, String> s = run.in("s");
      s.pipeInput(rec(null, "keyless", 2));
      s.pipeInput(rec("k", null, 3));
      assertThat(run.out("inner")).isEmpty();
      assertThat(run.out("left")).containsExactly(rec(null, "keyless/null", 2));
      List<TestRecord<String, String>> inner = run.out("dropped-inner");
      assertThat(inner).extracting(TestRecord::key).containsExactly(null, "k");
      assertThat(reason(inner.get(0))).isEqualTo("NULL_KEY");
      assertThat(reason(inner.get(1))).isEqualTo("NULL_VALUE");
      List<TestRecord<String, String>> left = run.out("dropped-left");
      assertThat(left).extracting(TestRecord::key).containsExactly("k");
      assertThat(reason(left.get(0))).isEqualTo("NULL_VALUE");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.sluice.dsl.StoreVariant#all")
  void rekeyedStreamsAreRepartitionedBeforeTheTableJoin(StoreVariant variant) {
    try (Run run = new Run(variant, b -> {
      KTable<String, String> table = b.table("t");
      b.<String, String>stream("s").selectKey((k, v) -> v)
          .join(table, (v, t) -> v + "/" + t, Joined.as("by-value")).to("out");
    })) {
      run.in("t").pipeInput(rec("x", "X", 1));
      run.in("s").pipeInput(rec("k", "x", 2));
      assertThat(run.out("out")).containsExactly(rec("x", "x/X", 2));
      assertThat(run.driver.producedTopicNames())
          .contains("sluice-test-driver-by-value-repartition");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.sluice.dsl.StoreVariant#all")
  void globalTableJoinsLookUpTheMappedKey(StoreVariant variant) {
    try (Run run = new Run(variant, b -> {
      KStream<String, String> stream = b.stream("s");
      GlobalKTable<String, String> global = b.globalTable("g");
      KeyValueMapper<String, String, String> firstChar =
          (k, v) -> v.isEmpty() ? null : v.substring(0, 1);
      stream.join(global, firstChar, (k, v, g) -> k + ":" + v + "/" + g, Named.as("inner"))
          .to("inner");
      stream.leftJoin(global, firstChar, (v, g) -> v + "/" + g).to("left");
      stream.droppedRecords(Named.as("inner")).to("dropped");
    })) {
      TestInputTopic<String, String> g = run.in("g");
      TestInputTopic<String, String> s = run.in("s");
      g.pipeInput(rec("a", "A", 1));
      g.pipeInput(rec(null, "no key", 1));
      s.pipeInput(rec("k1", "apple", 10));
      s.pipeInput(rec("k2", "banana", 11));
      s.pipeInput(rec("k3", "", 12));
      s.pipeInput(rec(null, "avocado", 13));
      g.pipeInput(rec("a", null, 14));
      s.pipeInput(rec("k4", "apricot", 15));
      assertThat(run.out("inner")).containsExactly(rec("k1", "k1:apple/A", 10),
          rec(null, "null:avocado/A", 13));
      assertThat(run.out("left")).containsExactly(rec("k1", "apple/A", 10),
          rec("k2", "banana/null", 11), rec("k3", "/null", 12), rec(null, "avocado/A", 13),
          rec("k4", "apricot/null", 15));
      List<TestRecord<String, String>> dropped = run.out("dropped");
      assertThat(dropped).extracting(TestRecord::value).containsExactly("");
      assertThat(reason(dropped.get(0))).isEqualTo("NULL_KEY");
    }
  }

  @Test
  void globalTablesAreQueryableByTheirStoreName() {
    StreamsBuilder builder = new StreamsBuilder();
    GlobalKTable<String, String> generated = builder.globalTable("g1");
    GlobalKTable<String, String> named =
        builder.globalTable("g2", Materialized.<String, String, io.sluice.state.KeyValueStore<
            Bytes, byte[]>>as("lookup"));
    assertThat(generated.queryableStoreName()).isEqualTo("g1-STATE-STORE-0000000000");
    assertThat(named.queryableStoreName()).isEqualTo("lookup");
    try (TopologyTestDriver driver =
        new TopologyTestDriver(builder.build(), StoreVariant.all().findFirst().get().props())) {
      driver.createInputTopic("g2", new StringSerializer(), new StringSerializer())
          .pipeInput(rec("k", "v", 3));
      assertThat(driver.<String, String>getTimestampedKeyValueStore("lookup").get("k").value())
          .isEqualTo("v");
    }
  }

  @Test
  void joiningATableOfAnotherBuilderFails() {
    KStream<String, String> stream = new StreamsBuilder().stream("s");
    KTable<String, String> table = new StreamsBuilder().table("t");
    GlobalKTable<String, String> global = new StreamsBuilder().globalTable("g");
    assertThatThrownBy(() -> stream.join(table, (v, t) -> v))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another");
    assertThatThrownBy(() -> stream.leftJoin(global, (k, v) -> k, (v, t) -> v))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another");
    assertThatThrownBy(() -> stream.join(global, null, (v, t) -> v))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("keySelector");
  }

  private static String reason(TestRecord<String, String> record) {
    Header header = record.headers().lastHeader("sluice.dropped.reason");
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
