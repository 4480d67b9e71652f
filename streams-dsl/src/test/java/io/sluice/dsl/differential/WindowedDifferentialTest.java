package io.sluice.dsl.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.StreamsConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Windowed aggregations (tumbling, hopping, sliding, session; count, reduce, aggregate), emit on
 * window close (time, session and sliding windows), suppression (until window closes, until a
 * time limit with an eager record bound) and cogroup (plain, time-windowed, session-windowed) on
 * Apache Kafka Streams and on Sluice, with the same seeded random input (out-of-order
 * timestamps, late records, null keys and values, repeated keys, headers), in every store variant
 * (RocksDB or in-memory, caching on or off): the node names and edges, and every output record
 * (key, value, timestamp, headers, order), must match.
 *
 * <p>Kafka Streams throttles emit-on-window-close by wall-clock time (its internal
 * {@code __emit.interval.ms.kstreams.windowed.aggregation__}, 1 s by default, which a test driver's
 * frozen clock never passes); the Kafka side sets it to 0 so that, like Sluice, it checks for
 * closed windows on every record. Intended differences are listed in {@code
 * docs/dsl-differences.md}.
 */
class WindowedDifferentialTest {
  private static final long[] SEEDS = {7L, 1_234L, 20_261_124L};
  private static final int RECORDS = 1_000;
  private static final List<String> IN = List.of("in");
  private static final List<String> IN2 = List.of("in", "in2");

  private record Case(String name, List<String> inputs,
      BiConsumer<org.apache.kafka.streams.StreamsBuilder, Boolean> kafka,
      BiConsumer<io.sluice.dsl.StreamsBuilder, Boolean> sluice) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> scenarios() {
    return List.of(
        new Case("tumbling count", IN, WindowedKafkaSide::tumblingCount,
            WindowedSluiceSide::tumblingCount),
        new Case("hopping aggregate", IN, WindowedKafkaSide::hoppingAggregate,
            WindowedSluiceSide::hoppingAggregate),
        new Case("tumbling reduce", IN, WindowedKafkaSide::tumblingReduce,
            WindowedSluiceSide::tumblingReduce),
        new Case("session aggregate", IN, WindowedKafkaSide::sessionAggregate,
            WindowedSluiceSide::sessionAggregate),
        new Case("session count", IN, WindowedKafkaSide::sessionCount,
            WindowedSluiceSide::sessionCount),
        new Case("sliding count", IN, WindowedKafkaSide::slidingCount,
            WindowedSluiceSide::slidingCount),
        new Case("sliding aggregate", IN, WindowedKafkaSide::slidingAggregate,
            WindowedSluiceSide::slidingAggregate),
        new Case("session emit on window close", IN, WindowedKafkaSide::sessionEmitOnClose,
            WindowedSluiceSide::sessionEmitOnClose),
        new Case("session suppress untilWindowCloses", IN, WindowedKafkaSide::sessionSuppress,
            WindowedSluiceSide::sessionSuppress),
        new Case("emit on window close", IN, WindowedKafkaSide::emitOnClose,
            WindowedSluiceSide::emitOnClose),
        new Case("suppress untilWindowCloses", IN, WindowedKafkaSide::suppressUntilWindowCloses,
            WindowedSluiceSide::suppressUntilWindowCloses),
        new Case("suppress untilTimeLimit", IN, WindowedKafkaSide::suppressUntilTimeLimit,
            WindowedSluiceSide::suppressUntilTimeLimit),
        new Case("cogroup", IN2, WindowedKafkaSide::cogroup, WindowedSluiceSide::cogroup),
        new Case("cogroup time-windowed", IN2, WindowedKafkaSide::cogroupWindowed,
            WindowedSluiceSide::cogroupWindowed),
        new Case("cogroup session-windowed", IN2, WindowedKafkaSide::cogroupSession,
            WindowedSluiceSide::cogroupSession),
        new Case("sliding count emit on window close", IN,
            WindowedKafkaSide::slidingCountEmitOnClose,
            WindowedSluiceSide::slidingCountEmitOnClose),
        new Case("sliding aggregate emit on window close", IN,
            WindowedKafkaSide::slidingAggregateEmitOnClose,
            WindowedSluiceSide::slidingAggregateEmitOnClose));
  }

  /**
   * Every scenario with in-memory stores for each seed, caching off and on; with RocksDB stores
   * for one seed per scenario (rotating), caching off and on, to keep the suite's running time
   * down. System properties {@code windowed.only} (a scenario name prefix) and {@code
   * windowed.store} ({@code rocksDB} or {@code in_memory}) narrow the run when debugging.
   */
  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    String only = System.getProperty("windowed.only");
    String onlyStore = System.getProperty("windowed.store");
    List<Case> scenarios = scenarios();
    for (int i = 0; i < scenarios.size(); i++) {
      Case scenario = scenarios.get(i);
      if (only != null && !scenario.name().startsWith(only)) {
        continue;
      }
      for (String store : List.of("in_memory", "rocksDB")) {
        if (onlyStore != null && !store.equals(onlyStore)) {
          continue;
        }
        for (boolean caching : new boolean[] {false, true}) {
          if (store.equals("rocksDB")) {
            all.add(Arguments.of(scenario, store, caching, SEEDS[i % SEEDS.length]));
            continue;
          }
          for (long seed : SEEDS) {
            all.add(Arguments.of(scenario, store, caching, seed));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}, {1}, caching {2}, seed {3}")
  @MethodSource("cases")
  void sameOutputAsKafkaStreams(Case scenario, String store, boolean caching, long seed,
      @TempDir Path stateDir) {
    assertThat(sluiceNodes(scenario, store, caching))
        .as("node names and edges of %s", scenario)
        .containsExactlyElementsOf(kafkaNodes(scenario, store, caching, stateDir));
    List<Input> inputs = InputGenerator.generate(seed, RECORDS, scenario.inputs());
    List<Output> expected = runKafka(scenario, inputs, store, caching, stateDir);
    List<Output> actual = runSluice(scenario, inputs, store, caching);
    assertThat(expected).as("%s must produce output to compare", scenario).isNotEmpty();
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertThat(actual.get(i)).as("record %d of %s; before it, expected %s, actual %s", i,
          scenario, expected.subList(Math.max(0, i - 4), i), actual.subList(Math.max(0, i - 4), i))
          .isEqualTo(expected.get(i));
    }
    assertThat(actual).as("records of %s", scenario).hasSameSizeAs(expected);
  }

  /** Each node as "name <- [predecessors] -> [successors]", sorted; sub-topology ids ignored. */
  private static List<String> sluiceNodes(Case scenario, String store, boolean caching) {
    io.sluice.dsl.StreamsBuilder builder = new io.sluice.dsl.StreamsBuilder();
    scenario.sluice().accept(builder, caching);
    return builder.build(sluiceProps(store, caching)).describe().subtopologies().stream()
        .flatMap(sub -> sub.nodes().stream())
        .map(n -> n.name() + " <- " + new TreeSet<>(n.predecessors()) + " -> "
            + new TreeSet<>(n.successors()))
        .sorted()
        .toList();
  }

  private static List<String> kafkaNodes(Case scenario, String store, boolean caching,
      Path stateDir) {
    org.apache.kafka.streams.StreamsBuilder builder = new org.apache.kafka.streams.StreamsBuilder();
    scenario.kafka().accept(builder, caching);
    return builder.build(kafkaProps(store, caching, stateDir)).describe().subtopologies().stream()
        .flatMap(sub -> sub.nodes().stream())
        .map(n -> n.name() + " <- " + names(n.predecessors()) + " -> " + names(n.successors()))
        .sorted()
        .toList();
  }

  private static TreeSet<String> names(
      java.util.Set<org.apache.kafka.streams.TopologyDescription.Node> nodes) {
    TreeSet<String> names = new TreeSet<>();
    nodes.forEach(n -> names.add(n.name()));
    return names;
  }

  private static Properties kafkaProps(String store, boolean caching, Path stateDir) {
    Properties props = new Properties();
    props.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, "differential");
    props.put(org.apache.kafka.streams.StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
    props.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(org.apache.kafka.streams.StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG,
        Serdes.StringSerde.class);
    props.put(org.apache.kafka.streams.StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG,
        Serdes.StringSerde.class);
    props.put(org.apache.kafka.streams.StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
        store.equals("rocksDB")
            ? org.apache.kafka.streams.state.BuiltInDslStoreSuppliers.RocksDBDslStoreSuppliers.class
            : org.apache.kafka.streams.state.BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers
                .class);
    props.put(org.apache.kafka.streams.StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG,
        caching ? 10L * 1024 * 1024 : 0L);
    props.put("__emit.interval.ms.kstreams.windowed.aggregation__", 0L);
    return props;
  }

  private static List<Output> runKafka(Case scenario, List<Input> inputs, String store,
      boolean caching, Path stateDir) {
    org.apache.kafka.streams.StreamsBuilder builder = new org.apache.kafka.streams.StreamsBuilder();
    scenario.kafka().accept(builder, caching);
    Properties props = kafkaProps(store, caching, stateDir);
    try (org.apache.kafka.streams.TopologyTestDriver driver =
        new org.apache.kafka.streams.TopologyTestDriver(builder.build(props), props)) {
      Map<String, org.apache.kafka.streams.TestInputTopic<String, String>> in =
          new LinkedHashMap<>();
      for (String topic : scenario.inputs()) {
        in.put(topic,
            driver.createInputTopic(topic, new StringSerializer(), new StringSerializer()));
      }
      for (Input input : inputs) {
        in.get(input.topic()).pipeInput(new org.apache.kafka.streams.test.TestRecord<>(
            input.key(), input.value(), headers(input), input.timestamp()));
      }
      List<Output> out = new ArrayList<>();
      for (org.apache.kafka.streams.test.TestRecord<String, String> r : driver
          .createOutputTopic("out", new StringDeserializer(), new StringDeserializer())
          .readRecordsToList()) {
        out.add(Output.of("out", r.key(), r.value(), r.timestamp(), r.headers()));
      }
      return out;
    }
  }

  private static List<Output> runSluice(Case scenario, List<Input> inputs, String store,
      boolean caching) {
    io.sluice.dsl.StreamsBuilder builder = new io.sluice.dsl.StreamsBuilder();
    scenario.sluice().accept(builder, caching);
    Properties props = sluiceProps(store, caching);
    try (io.sluice.testkit.TopologyTestDriver driver =
        new io.sluice.testkit.TopologyTestDriver(builder.build(props), props)) {
      Map<String, io.sluice.testkit.TestInputTopic<String, String>> in = new LinkedHashMap<>();
      for (String topic : scenario.inputs()) {
        in.put(topic,
            driver.createInputTopic(topic, new StringSerializer(), new StringSerializer()));
      }
      for (Input input : inputs) {
        in.get(input.topic()).pipeInput(new io.sluice.testkit.TestRecord<>(
            input.key(), input.value(), headers(input), input.timestamp()));
      }
      List<Output> out = new ArrayList<>();
      for (io.sluice.testkit.TestRecord<String, String> r : driver
          .createOutputTopic("out", new StringDeserializer(), new StringDeserializer())
          .readRecordsToList()) {
        out.add(Output.of("out", r.key(), r.value(), r.timestamp(), r.headers()));
      }
      return out;
    }
  }

  private static Properties sluiceProps(String store, boolean caching) {
    Properties props = new Properties();
    props.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_DSL_STORE,
        store.equals("rocksDB") ? StreamsConfig.ROCKS_DB : StreamsConfig.IN_MEMORY);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES, caching ? 10L * 1024 * 1024 : 0L);
    return props;
  }

  private static Headers headers(Input input) {
    RecordHeaders headers = new RecordHeaders();
    for (Input.Header header : input.headers()) {
      headers.add(header.key(), header.value() == null ? null : header.value().clone());
    }
    return headers;
  }
}
