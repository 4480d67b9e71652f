package io.sluice.dsl.differential;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stateless operator family, on Apache Kafka Streams and on Sluice, with the same seeded
 * random input: outputs (topic, key, value, timestamp, headers, order) and node names must match.
 */
class StatelessDifferentialTest {
  private static final long[] SEEDS = {1L, 42L, 20_261_124L};
  private static final int RECORDS = 1_000;
  private static final List<String> IN = List.of("in");
  private static final List<String> IN2 = List.of("in", "in2");
  private static final List<String> OUT = List.of("out");

  static List<Scenario> scenarios() {
    return List.of(
        new Scenario("filter", IN, List.of("out", "out2"), KafkaSide::filter, SluiceSide::filter,
            true),
        new Scenario("map", IN, OUT, KafkaSide::map, SluiceSide::map, true),
        new Scenario("mapValues", IN, OUT, KafkaSide::mapValues, SluiceSide::mapValues, true),
        new Scenario("flatMap", IN, OUT, KafkaSide::flatMap, SluiceSide::flatMap, true),
        new Scenario("flatMapValues", IN, List.of("out", "out2"), KafkaSide::flatMapValues,
            SluiceSide::flatMapValues, true),
        new Scenario("selectKey+peek", IN, OUT, KafkaSide::selectKey, SluiceSide::selectKey, true),
        new Scenario("split", IN2,
            List.of("out-digits", "out-null-keys", "out-kept", "out-rest", "out-null-values"),
            KafkaSide::split, SluiceSide::split, true),
        new Scenario("merge", IN2, OUT, KafkaSide::merge, SluiceSide::merge, true),
        new Scenario("to(TopicNameExtractor)", IN, List.of("out-none", "out-0", "out-1"),
            KafkaSide::topicNameExtractor, SluiceSide::topicNameExtractor, true),
        new Scenario("process+processValues", IN, OUT, KafkaSide::process, SluiceSide::process,
            true),
        new Scenario("chain", IN, OUT, KafkaSide::chain, SluiceSide::chain, true),
        new Scenario("timestampExtractor", IN, OUT, KafkaSide::timestampExtractor,
            SluiceSide::timestampExtractor, true));
  }

  static Stream<Arguments> cases() {
    return scenarios().stream().flatMap(scenario -> java.util.Arrays.stream(SEEDS)
        .mapToObj(seed -> Arguments.of(scenario, seed)));
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("cases")
  void sameOutputAsKafkaStreams(Scenario scenario, long seed, @TempDir Path stateDir) {
    List<Input> inputs = InputGenerator.generate(seed, RECORDS, scenario.inputTopics());
    DifferentialHarness.assertSameOutput(scenario, inputs, stateDir);
  }
}
