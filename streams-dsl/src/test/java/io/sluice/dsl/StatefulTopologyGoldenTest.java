package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.StreamsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Descriptions of representative stateful DSL topologies, compared with the text in
 * {@code src/test/resources/golden/<name>.txt}: word count, a windowed count with suppression and
 * a late-record side output, stream joins, table and foreign-key joins, and deduplication with
 * {@code topology.optimization=all}.
 * A difference means the topology a user's code compiles to changed: its node, store or topic
 * names, or its sub-topologies, which decides task ids and orphans state when names move.
 */
class StatefulTopologyGoldenTest {
  private static final Consumed<String, String> STRINGS =
      Consumed.with(Serdes.String(), Serdes.String());

  /** The representative topologies, each with the settings it is built with. */
  enum Golden {
    WORD_COUNT(StatefulTopologyGoldenTest::wordCount, "none"),
    WINDOWED_COUNT(StatefulTopologyGoldenTest::windowedCount, "none"),
    JOINS(StatefulTopologyGoldenTest::joins, "none"),
    TABLE_JOINS(StatefulTopologyGoldenTest::tableJoins, "none"),
    DEDUPLICATE_OPTIMIZED(StatefulTopologyGoldenTest::deduplicateOptimized, "all");

    final Consumer<StreamsBuilder> declare;
    final String optimization;

    Golden(Consumer<StreamsBuilder> declare, String optimization) {
      this.declare = declare;
      this.optimization = optimization;
    }

    String describe() {
      StreamsBuilder builder = new StreamsBuilder();
      declare.accept(builder);
      Properties props = new Properties();
      props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION, optimization);
      return builder.build(props).describe().toString();
    }

    String file() {
      return "/golden/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
    }
  }

  static void wordCount(StreamsBuilder builder) {
    builder.stream("text-lines", STRINGS)
        .flatMapValues(line -> Arrays.asList(line.toLowerCase(Locale.ROOT).split("\\W+")),
            Named.as("split-words"))
        .groupBy((key, word) -> word, Grouped.as("words"))
        .count(Named.as("count-words"), Materialized.as("word-counts"))
        .toStream(Named.as("word-count-changes"))
        .to("word-counts", Produced.with(Serdes.String(), Serdes.Long()));
  }

  static void windowedCount(StreamsBuilder builder) {
    KGroupedStream<String, String> clicks =
        builder.stream("clicks", STRINGS).groupByKey(Grouped.as("clicks-by-user"));
    clicks.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofSeconds(10)))
        .count(Named.as("clicks-per-minute"), Materialized.as("clicks-per-minute-store"))
        .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
            .withName("final-counts"))
        .toStream(Named.as("final-count-stream"))
        .map((window, count) -> io.sluice.state.KeyValue.pair(window.key(), count),
            Named.as("unwindow"))
        .to("clicks-per-minute", Produced.with(Serdes.String(), Serdes.Long()));
    clicks.droppedRecords(Named.as("clicks-per-minute"))
        .to("late-clicks", Produced.as("late-clicks-sink"));
  }

  static void joins(StreamsBuilder builder) {
    KStream<String, String> orders = builder.stream("orders", STRINGS);
    KStream<String, String> payments = builder.stream("payments", STRINGS);
    KTable<String, String> customers =
        builder.table("customers", STRINGS, Materialized.as("customers-store"));
    orders.join(payments, (order, payment) -> order + "+" + payment,
            JoinWindows.ofTimeDifferenceAndGrace(Duration.ofMinutes(5), Duration.ofMinutes(1)),
            StreamJoined.<String, String, String>as("orders-payments")
                .withName("orders-payments"))
        .join(customers, (paid, customer) -> paid + "@" + customer,
            Joined.<String, String, String>as("paid-orders-customers"))
        .to("enriched-orders");
    orders.droppedRecords(Named.as("orders-payments")).to("late-orders");
  }

  static void tableJoins(StreamsBuilder builder) {
    KTable<String, String> orders =
        builder.table("orders", STRINGS, Materialized.as("orders-store"));
    KTable<String, String> shipments =
        builder.table("shipments", STRINGS, Materialized.as("shipments-store"));
    KTable<String, String> products =
        builder.table("products", STRINGS, Materialized.as("products-store"));
    KTable<String, String> shipped = orders.leftJoin(shipments,
        (order, shipment) -> order + "/" + shipment, Named.as("orders-shipments"),
        Materialized.as("orders-shipments-store"));
    shipped.join(products, value -> value.split("/")[0], (order, product) -> order + "#" + product,
            TableJoined.as("order-products"))
        .toStream(Named.as("order-changes"))
        .to("order-details");
    shipped.droppedRecords(Named.as("order-products")).to("orders-without-product");
  }

  static void deduplicateOptimized(StreamsBuilder builder) {
    KStream<String, String> events = builder.stream("events", STRINGS);
    events.deduplicate((key, value) -> value, Duration.ofMinutes(10),
            Deduplicated.<String>as("dedup-events").withIdSerde(Serdes.String()))
        .to("unique-events");
    KStream<String, String> byType = events.selectKey((key, value) -> value, Named.as("by-type"));
    // Two groupings of one key change: one repartition topic once optimized.
    byType.groupByKey().count(Named.as("count-types"), Materialized.as("type-counts"));
    byType.groupByKey()
        .reduce((a, b) -> b, Named.as("last-of-type"), Materialized.as("last-of-type-store"));
    builder.table("types", STRINGS, Materialized.as("types-store"))
        .toStream(Named.as("type-changes")).to("type-changes");
  }

  @ParameterizedTest
  @EnumSource(Golden.class)
  void describesLikeTheGoldenFile(Golden golden) throws IOException {
    String expected;
    try (InputStream in = getClass().getResourceAsStream(golden.file())) {
      assertThat(in).as("golden file %s on the test class path", golden.file()).isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(golden.describe()).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Golden.class)
  void buildingTwiceGivesTheSameDescription(Golden golden) {
    assertThat(golden.describe()).isEqualTo(golden.describe());
  }
}
