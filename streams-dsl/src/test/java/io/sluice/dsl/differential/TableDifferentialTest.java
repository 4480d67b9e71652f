package io.sluice.dsl.differential;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Source tables, table filter/mapValues/toStream, toTable, stream aggregations (groupByKey,
 * groupBy), grouped-table aggregations with subtractors, and repartition, on Apache Kafka Streams
 * and on Sluice with the same seeded random input (null keys and values, tombstones, repeated
 * keys, out-of-order timestamps), in every cell of the store-type and caching matrix (one seed per
 * cell, so each scenario sees four seeds of 1,000 records): outputs (topic, key, value, timestamp,
 * headers, order) and node names must match. Intended differences: docs/dsl-differences.md
 * (none shows in these outputs).
 */
class TableDifferentialTest {
  /** One seed per matrix cell: four seeds of 1,000 records per scenario, each cell covered. */
  private static final long[] SEEDS = {7L, 42L, 20_261_124L, 5_551_212L};
  private static final int RECORDS = 1_000;
  private static final List<String> IN = List.of("in");
  private static final List<String> OUT = List.of("out");
  private static final List<String> OUT2 = List.of("out", "out2");
  private static final List<String> OUT3 = List.of("out", "out2", "out3");

  static List<Scenario> scenarios() {
    return List.of(
        new Scenario("source table", List.of("in", "in2"), OUT2, TableKafkaSide::sourceTable,
            TableSluiceSide::sourceTable, true),
        new Scenario("table filter/mapValues/toStream", IN, OUT2,
            TableKafkaSide::filterMapValues, TableSluiceSide::filterMapValues, true),
        new Scenario("toTable", IN, OUT2, TableKafkaSide::toTable, TableSluiceSide::toTable,
            true),
        new Scenario("groupByKey count/reduce/aggregate", IN, OUT3, TableKafkaSide::groupByKey,
            TableSluiceSide::groupByKey, true),
        new Scenario("groupBy with repartition", IN, OUT3, TableKafkaSide::groupBy,
            TableSluiceSide::groupBy, true),
        new Scenario("grouped table with subtractor", IN, OUT3, TableKafkaSide::groupedTable,
            TableSluiceSide::groupedTable, true),
        new Scenario("repartition", IN, OUT2, TableKafkaSide::repartition,
            TableSluiceSide::repartition, true),
        new Scenario("old values through filter/mapValues to groupBy", IN, OUT2,
            TableKafkaSide::oldValuesThroughChain, TableSluiceSide::oldValuesThroughChain, true),
        new Scenario("Grouped-named repartition shared by two aggregations", IN, OUT2,
            TableKafkaSide::sharedRepartition, TableSluiceSide::sharedRepartition, true));
  }

  static Stream<Arguments> cases() {
    return scenarios().stream().flatMap(scenario -> IntStream.range(0, SEEDS.length)
        .mapToObj(i -> Arguments.of(scenario, StoreMatrix.ALL.get(i), SEEDS[i])));
  }

  @ParameterizedTest(name = "{0}, {1}, seed {2}")
  @MethodSource("cases")
  void sameOutputAsKafkaStreams(Scenario scenario, StoreMatrix matrix, long seed,
      @TempDir Path stateDir) {
    List<Input> inputs = InputGenerator.generate(seed, RECORDS, scenario.inputTopics());
    DifferentialHarness.assertSameOutput(scenario, inputs, stateDir, matrix);
  }
}
