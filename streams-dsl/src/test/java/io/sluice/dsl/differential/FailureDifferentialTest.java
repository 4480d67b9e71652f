package io.sluice.dsl.differential;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mappers returning null: both libraries must stop on the same record with a StreamsException
 * naming the operator (the default processing exception handler fails).
 */
class FailureDifferentialTest {
  private static final List<String> IN = List.of("in");
  private static final List<String> OUT = List.of("out");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3L, 77L, 2026L})
  void mapReturningNullFailsOnTheSameRecord(long seed, @TempDir Path stateDir) {
    Scenario scenario = new Scenario("map returning null", IN, OUT,
        KafkaSide::mapReturningNull, SluiceSide::mapReturningNull, true);
    DifferentialHarness.assertSameFailure(scenario,
        InputGenerator.generate(seed, 1_000, IN), stateDir, "KSTREAM-MAP-0000000001");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3L, 77L, 2026L})
  void flatMapValuesReturningNullFailsOnTheSameRecord(long seed, @TempDir Path stateDir) {
    Scenario scenario = new Scenario("flatMapValues returning null", IN, OUT,
        KafkaSide::flatMapValuesReturningNull, SluiceSide::flatMapValuesReturningNull, true);
    DifferentialHarness.assertSameFailure(scenario,
        InputGenerator.generate(seed, 1_000, IN), stateDir, "KSTREAM-FLATMAPVALUES-0000000002");
  }
}
