package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.StreamsConfig;
import io.sluice.state.KeyValueStore;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.util.List;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Foreign-key joins through the test driver, with in-memory and RocksDB stores and with caching
 * on and off. Left rows are orders {@code "<customer>|<item>"} (an empty customer is a null
 * foreign key), right rows customers.
 */
class ForeignKeyJoinTest {
  static Stream<Arguments> stores() {
    return Stream.of(Materialized.StoreType.values()).flatMap(type ->
        Stream.of(Arguments.of(type, true), Arguments.of(type, false)));
  }

  private static Materialized<String, String, KeyValueStore<Bytes, byte[]>> store(
      Materialized.StoreType type, boolean caching) {
    Materialized<String, String, KeyValueStore<Bytes, byte[]>> materialized =
        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(type)
            .withKeySerde(Serdes.String()).withValueSerde(Serdes.String());
    return caching ? materialized.withCachingEnabled() : materialized.withCachingDisabled();
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

    Run(Materialized.StoreType type, boolean caching,
        BiFunction<KTable<String, String>, KTable<String, String>, KTable<String, String>> join) {
      StreamsBuilder builder = new StreamsBuilder();
      Consumed<String, String> strings = Consumed.with(Serdes.String(), Serdes.String());
      KTable<String, String> l = builder.table("left", strings, store(type, caching));
      KTable<String, String> r = builder.table("right", strings, store(type, caching));
      join.apply(l, r).toStream().to("out", Produced.with(Serdes.String(), Serdes.String()));
      Properties props = new Properties();
      props.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
      props.put(StreamsConfig.DEFAULT_VALUE_SERDE, Serdes.StringSerde.class);
      driver = new TopologyTestDriver(builder.build(), props);
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

  @ParameterizedTest(name = "{0}, caching {1}")
  @MethodSource("stores")
  void innerJoinFollowsUpdatesDeletesAndForeignKeyChanges(Materialized.StoreType type,
      boolean caching) {
    try (Run run = new Run(type, caching,
        (l, r) -> l.join(r, ForeignKeyJoinTest::customer, ForeignKeyJoinTest::joined))) {
      run.orders.pipeInput("o1", "c1|pen", 10);
      assertThat(run.read()).isEmpty();
      run.customers.pipeInput("c1", "Ann", 5);
      assertThat(run.read()).containsExactly(rec("o1", "c1|pen+Ann", 10));
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

  @ParameterizedTest(name = "{0}, caching {1}")
  @MethodSource("stores")
  void leftJoinJoinsMissingAndNullForeignKeysWithNull(Materialized.StoreType type,
      boolean caching) {
    try (Run run = new Run(type, caching,
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

  @ParameterizedTest(name = "{0}, caching {1}")
  @MethodSource("stores")
  void manyOrdersOfOneCustomerAllUpdateInKeyOrder(Materialized.StoreType type, boolean caching) {
    try (Run run = new Run(type, caching, (l, r) -> l.join(r,
        (key, order) -> customer(order), ForeignKeyJoinTest::joined,
        TableJoined.as("orders-customers"), store(type, caching)))) {
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

  @ParameterizedTest(name = "{0}, caching {1}")
  @MethodSource("stores")
  void innerJoinSkipsNullForeignKeysAndDeletesThePreviousResult(Materialized.StoreType type,
      boolean caching) {
    try (Run run = new Run(type, caching,
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
}
