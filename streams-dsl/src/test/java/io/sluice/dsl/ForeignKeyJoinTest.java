package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.dsl.internals.DropReporter;
import io.sluice.state.KeyValueStore;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.nio.charset.StandardCharsets;
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
 * Foreign-key joins through the test driver, with in-memory and RocksDB stores and with caching
 * on and off. Left rows are orders {@code "<customer>|<item>"} (an empty customer is a null
 * foreign key), right rows customers.
 */
class ForeignKeyJoinTest {
  static Stream<StoreVariant> variants() {
    return StoreVariant.all();
  }

  static String customer(String order) {
    String id = order.substring(0, order.indexOf('|'));
    return id.isEmpty() ? null : id;
  }

  static String joined(String order, String customer) {
    return order + "+" + customer;
  }

  /** Orders "left" joined with customers "right", results to "out". */
  private static final class Run implements AutoCloseable {
    final TopologyTestDriver driver;
    final TestInputTopic<String, String> orders;
    final TestInputTopic<String, String> customers;
    final TestOutputTopic<String, String> out;

    Run(StoreVariant variant,
        BiFunction<KTable<String, String>, KTable<String, String>, KTable<String, String>> join) {
      StreamsBuilder builder = new StreamsBuilder();
      Consumed<String, String> strings = Consumed.with(Serdes.String(), Serdes.String());
      KTable<String, String> l = builder.table("left", strings);
      KTable<String, String> r = builder.table("right", strings);
      join.apply(l, r).toStream().to("out", Produced.with(Serdes.String(), Serdes.String()));
      driver = new TopologyTestDriver(builder.build(variant.props()), variant.props());
      orders = driver.createInputTopic("left", new StringSerializer(), new StringSerializer());
      customers = driver.createInputTopic("right", new StringSerializer(), new StringSerializer());
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void innerJoinFollowsUpdatesDeletesAndForeignKeyChanges(StoreVariant variant) {
    try (Run run = new Run(variant,
        (l, r) -> l.join(r, ForeignKeyJoinTest::customer, ForeignKeyJoinTest::joined))) {
      run.orders.pipeInput("o1", "c1|pen", 10);
      assertThat(run.read()).isEmpty();
      run.customers.pipeInput("c1", "Ann", 5);
      // A foreign row's update carries its own timestamp, as in Kafka Streams.
      assertThat(run.read()).containsExactly(rec("o1", "c1|pen+Ann", 5));
      run.customers.pipeInput("c1", "Bob", 20);
      assertThat(run.read()).containsExactly(rec("o1", "c1|pen+Bob", 20));
      run.orders.pipeInput("o1", "c2|pen", 30);
      assertThat(run.read()).containsExactly(rec("o1", null, 30));
      run.customers.pipeInput("c1", "Cid", 40);
      assertThat(run.read()).isEmpty();
      run.customers.pipeInput("c2", "Dee", 50);
      assertThat(run.read()).containsExactly(rec("o1", "c2|pen+Dee", 50));
      run.orders.pipeInput("o1", "c2|ink", 45);
      assertThat(run.read()).containsExactly(rec("o1", "c2|ink+Dee", 50));
      run.customers.pipeInput("c2", null, 60);
      assertThat(run.read()).containsExactly(rec("o1", null, 60));
      run.customers.pipeInput("c2", "Eve", 70);
      assertThat(run.read()).containsExactly(rec("o1", "c2|ink+Eve", 70));
      run.orders.pipeInput("o1", null, 80);
      assertThat(run.read()).containsExactly(rec("o1", null, 80));
      run.customers.pipeInput("c2", "Fay", 90);
      assertThat(run.read()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void leftJoinJoinsMissingAndNullForeignKeysWithNull(StoreVariant variant) {
    try (Run run = new Run(variant,
        (l, r) -> l.leftJoin(r, ForeignKeyJoinTest::customer, ForeignKeyJoinTest::joined))) {
      run.orders.pipeInput("o1", "c1|pen", 10);
      assertThat(run.read()).containsExactly(rec("o1", "c1|pen+null", 10));
      run.customers.pipeInput("c1", "Ann", 20);
      assertThat(run.read()).containsExactly(rec("o1", "c1|pen+Ann", 20));
      run.orders.pipeInput("o1", "|pen", 30);
      assertThat(run.read()).containsExactly(rec("o1", "|pen+null", 30));
      run.customers.pipeInput("c1", "Bob", 40);
      assertThat(run.read()).isEmpty();
      run.orders.pipeInput("o1", "c1|ink", 50);
      assertThat(run.read()).containsExactly(rec("o1", "c1|ink+Bob", 50));
      run.customers.pipeInput("c1", null, 60);
      assertThat(run.read()).containsExactly(rec("o1", "c1|ink+null", 60));
      run.orders.pipeInput("o1", null, 70);
      assertThat(run.read()).containsExactly(rec("o1", null, 70));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void manyOrdersOfOneCustomerAllUpdateInKeyOrder(StoreVariant variant) {
    try (Run run = new Run(variant, (l, r) -> l.join(r,
        (key, order) -> customer(order), ForeignKeyJoinTest::joined,
        TableJoined.as("orders-customers"),
        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("fk-result")
            .withKeySerde(Serdes.String()).withValueSerde(Serdes.String())))) {
      run.customers.pipeInput("c1", "Ann", 1);
      run.orders.pipeInput("o2", "c1|b", 2);
      run.orders.pipeInput("o1", "c1|a", 3);
      run.orders.pipeInput("o3", "c2|c", 4);
      run.read();
      run.customers.pipeInput("c1", "Bob", 10);
      assertThat(run.read()).containsExactly(rec("o1", "c1|a+Bob", 10), rec("o2", "c1|b+Bob", 10));
      assertThat(run.driver.producedTopicNames()).contains(
          "sluice-test-driver-orders-customers-subscription-registration-topic",
          "sluice-test-driver-orders-customers-subscription-response-topic");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void innerJoinSkipsNullForeignKeysAndDeletesThePreviousResult(StoreVariant variant) {
    try (Run run = new Run(variant,
        (l, r) -> l.join(r, ForeignKeyJoinTest::customer, ForeignKeyJoinTest::joined))) {
      run.customers.pipeInput("c1", "Ann", 1);
      run.orders.pipeInput("o1", "c1|pen", 10);
      run.orders.pipeInput("o1", "|pen", 20);
      run.orders.pipeInput("o2", "|ink", 30);
      run.orders.pipeInput("o2", "c1|ink", 40);
      assertThat(run.read()).containsExactly(rec("o1", "c1|pen+Ann", 10), rec("o1", null, 20),
          rec("o2", "c1|ink+Ann", 40));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void innerJoinReportsNullForeignKeysOnTheDroppedRecordsOutput(StoreVariant variant) {
    StreamsBuilder builder = new StreamsBuilder();
    Consumed<String, String> strings = Consumed.with(Serdes.String(), Serdes.String());
    KTable<String, String> orders = builder.table("left", strings);
    orders.join(builder.table("right", strings), ForeignKeyJoinTest::customer,
            ForeignKeyJoinTest::joined, TableJoined.as("fk"))
        .toStream().to("out", Produced.with(Serdes.String(), Serdes.String()));
    orders.droppedRecords(Named.as("fk"))
        .to("dropped", Produced.with(Serdes.String(), Serdes.String()));
    try (TopologyTestDriver driver =
        new TopologyTestDriver(builder.build(variant.props()), variant.props())) {
      TestInputTopic<String, String> left =
          driver.createInputTopic("left", new StringSerializer(), new StringSerializer());
      left.pipeInput("o1", "|pen", 10);
      left.pipeInput("o2", "c1|ink", 20);
      List<TestRecord<String, String>> dropped = driver.createOutputTopic("dropped",
          new StringDeserializer(), new StringDeserializer()).readRecordsToList();
      assertThat(dropped).extracting(TestRecord::key).containsExactly("o1");
      assertThat(dropped).extracting(TestRecord::value).containsExactly("|pen");
      assertThat(new String(dropped.get(0).headers().lastHeader(DropReporter.REASON_HEADER)
          .value(), StandardCharsets.UTF_8)).isEqualTo("NULL_FOREIGN_KEY");
      assertThat(new String(dropped.get(0).headers().lastHeader(DropReporter.OPERATOR_HEADER)
          .value(), StandardCharsets.UTF_8)).isEqualTo("fk");
    }
  }

  /**
   * One input record updates the same order twice (a table from a flatMapValues stream), so
   * both subscriptions are in flight together: the first response answers a value the row no
   * longer has and must be discarded, leaving one result for the latest value.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void responsesForAnOlderLeftValueAreDiscarded(StoreVariant variant) {
    StreamsBuilder builder = new StreamsBuilder();
    Consumed<String, String> strings = Consumed.with(Serdes.String(), Serdes.String());
    KTable<String, String> orders = builder.stream("left", strings)
        .flatMapValues(value -> List.of(value.split(",")))
        .toTable(Named.as("orders"), Materialized.<String, String,
            KeyValueStore<Bytes, byte[]>>with(Serdes.String(), Serdes.String())
            .withCachingDisabled());
    orders.join(builder.table("right", strings), ForeignKeyJoinTest::customer,
            ForeignKeyJoinTest::joined)
        .toStream().to("out", Produced.with(Serdes.String(), Serdes.String()));
    try (TopologyTestDriver driver =
        new TopologyTestDriver(builder.build(variant.props()), variant.props())) {
      driver.createInputTopic("right", new StringSerializer(), new StringSerializer())
          .pipeInput("c1", "Ann", 1);
      driver.createInputTopic("left", new StringSerializer(), new StringSerializer())
          .pipeInput("o1", "c1|pen,c1|ink", 10);
      assertThat(driver.createOutputTopic("out", new StringDeserializer(),
          new StringDeserializer()).readRecordsToList())
          .containsExactly(rec("o1", "c1|ink+Ann", 10));
    }
  }

  /** A key serde that writes the topic into the bytes, as schema-registry serdes may. */
  private static org.apache.kafka.common.serialization.Serde<String> topicTaggedKeys() {
    return Serdes.serdeFrom(
        (topic, key) -> key == null ? null
            : (topic + ":" + key).getBytes(StandardCharsets.UTF_8),
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          String text = new String(bytes, StandardCharsets.UTF_8);
          return text.substring(text.lastIndexOf(':') + 1);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void foreignKeySerdesThatWriteTheTopicStillFindTheirSubscriptions(StoreVariant variant) {
    StreamsBuilder builder = new StreamsBuilder();
    KTable<String, String> customers =
        builder.table("right", Consumed.with(topicTaggedKeys(), Serdes.String()));
    builder.table("left", Consumed.with(Serdes.String(), Serdes.String()))
        .join(customers, ForeignKeyJoinTest::customer, ForeignKeyJoinTest::joined)
        .toStream().to("out", Produced.with(Serdes.String(), Serdes.String()));
    try (TopologyTestDriver driver =
        new TopologyTestDriver(builder.build(variant.props()), variant.props())) {
      TestInputTopic<String, String> right = driver.createInputTopic("right",
          topicTaggedKeys().serializer(), new StringSerializer());
      right.pipeInput("c1", "Ann", 1);
      driver.createInputTopic("left", new StringSerializer(), new StringSerializer())
          .pipeInput("o1", "c1|pen", 10);
      right.pipeInput("c1", "Bob", 20);
      assertThat(driver.createOutputTopic("out", new StringDeserializer(),
          new StringDeserializer()).readRecordsToList())
          .containsExactly(rec("o1", "c1|pen+Ann", 10), rec("o1", "c1|pen+Bob", 20));
    }
  }
}
