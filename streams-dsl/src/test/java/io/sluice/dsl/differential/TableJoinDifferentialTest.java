package io.sluice.dsl.differential;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-table joins (inner, left, outer) and foreign-key joins (inner, left) on Apache Kafka
 * Streams and on Sluice, with the same seeded input (tombstones, repeated keys, null keys,
 * foreign-key changes, null and dangling foreign keys), in every cell of the store-type and
 * caching matrix: the output records (key, value, timestamp, headers, order) must match.
 */
class TableJoinDifferentialTest {
  private static final long[] SEEDS = {7L, 1_234L, 20_261_124L};
  private static final int RECORDS = 1_000;
  private static final List<String> IN = List.of(TableJoinInputs.LEFT, TableJoinInputs.RIGHT);
  private static final List<String> OUT = List.of("out");

  static List<Scenario> scenarios() {
    return List.of(
        new Scenario("join", IN, OUT, TableJoinKafkaSide::join, TableJoinSluiceSide::join, true),
        new Scenario("leftJoin", IN, OUT, TableJoinKafkaSide::leftJoin,
            TableJoinSluiceSide::leftJoin, true),
        new Scenario("outerJoin", IN, OUT, TableJoinKafkaSide::outerJoin,
            TableJoinSluiceSide::outerJoin, true),
        new Scenario("join materialized + mapValues + join", IN, OUT,
            TableJoinKafkaSide::chained, TableJoinSluiceSide::chained, true),
        new Scenario("fk join", IN, OUT, TableJoinKafkaSide::fkJoin, TableJoinSluiceSide::fkJoin,
            true),
        new Scenario("fk leftJoin", IN, OUT, TableJoinKafkaSide::fkLeftJoin,
            TableJoinSluiceSide::fkLeftJoin, true),
        new Scenario("fk join materialized, then leftJoin", IN, OUT,
            TableJoinKafkaSide::fkMaterialized, TableJoinSluiceSide::fkMaterialized, true),
        new Scenario("fk leftJoin with stale responses", IN, OUT,
            TableJoinKafkaSide::fkJoinStaleResponses, TableJoinSluiceSide::fkJoinStaleResponses,
            true));
  }

  /**
   * Each scenario in every cell of the matrix, the cells taking the seeds in turn (so each
   * scenario sees every seed and every cell, in four runs rather than twelve).
   */
  static Stream<Arguments> cases() {
    return scenarios().stream().flatMap(scenario -> IntStream.range(0, StoreMatrix.ALL.size())
        .mapToObj(i -> Arguments.of(scenario, StoreMatrix.ALL.get(i), SEEDS[i % SEEDS.length])));
  }

  @ParameterizedTest(name = "{0}, {1}, seed {2}")
  @MethodSource("cases")
  void sameOutputAsKafkaStreams(Scenario scenario, StoreMatrix matrix, long seed,
      @TempDir Path stateDir) {
    boolean foreignKeys = scenario.name().toLowerCase(Locale.ROOT).startsWith("fk");
    List<Input> inputs = TableJoinInputs.generate(seed, RECORDS, foreignKeys);
    DifferentialHarness.assertSameOutput(scenario, inputs, stateDir, matrix);
  }
}
