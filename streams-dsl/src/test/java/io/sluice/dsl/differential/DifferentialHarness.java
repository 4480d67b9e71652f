package io.sluice.dsl.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.TopologyDescription;
import io.sluice.runtime.StreamsConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

/**
 * Runs one {@link Scenario} on Kafka Streams' TopologyTestDriver and on Sluice's, piping the same
 * records into both in the same order, and asserts that every output topic holds the same records
 * (key, value, timestamp, headers) in the same order. Both sides use String default serdes, so
 * scenarios need not repeat serdes after key- or value-changing operators.
 */
final class DifferentialHarness {
  private DifferentialHarness() {}

  /**
   * @param scenario the topology pair
   * @param inputs the records to pipe, in order
   * @param stateDir a fresh directory for Kafka Streams' driver
   */
  static void assertSameOutput(Scenario scenario, List<Input> inputs, Path stateDir) {
    assertSameOutput(scenario, inputs, stateDir, Map.of(), Map.of());
  }

  /**
   * Like {@link #assertSameOutput(Scenario, List, Path)}, with both topologies built, and both
   * drivers run, with one cell of the store-type and caching matrix.
   *
   * @param scenario the topology pair
   * @param inputs the records to pipe, in order
   * @param stateDir a fresh directory for Kafka Streams' driver
   * @param matrix the store type and caching of both sides
   */
  static void assertSameOutput(Scenario scenario, List<Input> inputs, Path stateDir,
      StoreMatrix matrix) {
    assertSameOutput(scenario, inputs, stateDir, matrix.kafkaSettings(), matrix.sluiceSettings());
  }

  private static void assertSameOutput(Scenario scenario, List<Input> inputs, Path stateDir,
      Map<String, Object> kafkaSettings, Map<String, Object> sluiceSettings) {
    Properties kafkaProps = kafkaProps(stateDir);
    kafkaProps.putAll(kafkaSettings);
    Properties sluiceProps = sluiceProps();
    sluiceProps.putAll(sluiceSettings);
    org.apache.kafka.streams.StreamsBuilder kafkaBuilder =
        new org.apache.kafka.streams.StreamsBuilder(new org.apache.kafka.streams.TopologyConfig(
            new org.apache.kafka.streams.StreamsConfig(kafkaProps)));
    scenario.kafka().accept(kafkaBuilder);
    Topology kafkaTopology = kafkaBuilder.build(kafkaProps);
    io.sluice.dsl.StreamsBuilder sluiceBuilder = new io.sluice.dsl.StreamsBuilder();
    scenario.sluice().accept(sluiceBuilder);
    io.sluice.processor.Topology sluiceTopology = sluiceBuilder.build(sluiceProps);
    if (scenario.sameNodeNames()) {
      assertThat(nodes(sluiceTopology.describe()))
          .as("node names and edges of %s", scenario.name())
          .containsExactlyElementsOf(nodes(kafkaTopology.describe()));
    }
    Map<String, List<Output>> expected = runKafka(kafkaTopology, scenario, inputs, kafkaProps);
    Map<String, List<Output>> actual = runSluice(sluiceTopology, scenario, inputs, sluiceProps);
    assertThat(expected.values().stream().mapToInt(List::size).sum())
        .as("the scenario %s must produce output to compare", scenario.name())
        .isPositive();
    for (String topic : scenario.outputTopics()) {
      List<Output> want = expected.get(topic);
      List<Output> got = actual.get(topic);
      for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
        assertThat(got.get(i)).as("record %d of topic %s in %s", i, topic, scenario.name())
            .isEqualTo(want.get(i));
      }
      assertThat(got).as("records of topic %s in %s", topic, scenario.name()).hasSameSizeAs(want);
    }
  }

  /**
   * Pipes records one by one into both drivers until each fails, and asserts both fail on the same
   * record with a StreamsException whose message names {@code processor}.
   *
   * @param scenario the topology pair, expected to fail on some input
   * @param inputs the records to pipe, in order
   * @param stateDir a fresh directory for Kafka Streams' driver
   * @param processor the name of the failing processor
   */
  static void assertSameFailure(
      Scenario scenario, List<Input> inputs, Path stateDir, String processor) {
    org.apache.kafka.streams.StreamsBuilder kafkaBuilder =
        new org.apache.kafka.streams.StreamsBuilder();
    scenario.kafka().accept(kafkaBuilder);
    io.sluice.dsl.StreamsBuilder sluiceBuilder = new io.sluice.dsl.StreamsBuilder();
    scenario.sluice().accept(sluiceBuilder);
    int kafkaIndex = -1;
    int sluiceIndex = -1;
    org.apache.kafka.streams.TopologyTestDriver kafka =
        new org.apache.kafka.streams.TopologyTestDriver(kafkaBuilder.build(), kafkaProps(stateDir));
    try {
      for (int i = 0; i < inputs.size() && kafkaIndex < 0; i++) {
        Input input = inputs.get(i);
        try {
          kafka.createInputTopic(input.topic(), new StringSerializer(), new StringSerializer())
              .pipeInput(new org.apache.kafka.streams.test.TestRecord<>(
                  input.key(), input.value(), headers(input), input.timestamp()));
        } catch (org.apache.kafka.streams.errors.StreamsException e) {
          assertThat(e.getMessage()).as("Kafka Streams' failure").contains(processor);
          kafkaIndex = i;
        }
      }
    } finally {
      kafka.close();
    }
    io.sluice.testkit.TopologyTestDriver sluice =
        new io.sluice.testkit.TopologyTestDriver(sluiceBuilder.build(), sluiceProps());
    try {
      for (int i = 0; i < inputs.size() && sluiceIndex < 0; i++) {
        Input input = inputs.get(i);
        try {
          sluice.createInputTopic(input.topic(), new StringSerializer(), new StringSerializer())
              .pipeInput(new io.sluice.testkit.TestRecord<>(
                  input.key(), input.value(), headers(input), input.timestamp()));
        } catch (io.sluice.runtime.StreamsException e) {
          assertThat(e.getMessage()).as("Sluice's failure").contains(processor);
          sluiceIndex = i;
        }
      }
    } finally {
      sluice.close();
    }
    assertThat(kafkaIndex).as("Kafka Streams fails on some record of %s", scenario.name())
        .isNotNegative();
    assertThat(sluiceIndex).as("index of the failing record in %s", scenario.name())
        .isEqualTo(kafkaIndex);
  }

  private static Properties kafkaProps(Path stateDir) {
    Properties props = new Properties();
    props.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, "differential");
    props.put(org.apache.kafka.streams.StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
    props.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(org.apache.kafka.streams.StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG,
        Serdes.StringSerde.class);
    props.put(org.apache.kafka.streams.StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG,
        Serdes.StringSerde.class);
    return props;
  }

  private static Properties sluiceProps() {
    Properties props = new Properties();
    props.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE, Serdes.StringSerde.class);
    return props;
  }

  private static Map<String, List<Output>> runKafka(
      Topology topology, Scenario scenario, List<Input> inputs, Properties props) {
    org.apache.kafka.streams.TopologyTestDriver driver =
        new org.apache.kafka.streams.TopologyTestDriver(topology, props);
    try {
      Map<String, org.apache.kafka.streams.TestInputTopic<String, String>> in =
          new LinkedHashMap<>();
      for (String topic : scenario.inputTopics()) {
        in.put(topic,
            driver.createInputTopic(topic, new StringSerializer(), new StringSerializer()));
      }
      for (Input input : inputs) {
        in.get(input.topic()).pipeInput(new org.apache.kafka.streams.test.TestRecord<>(
            input.key(), input.value(), headers(input), input.timestamp()));
      }
      Map<String, List<Output>> out = new LinkedHashMap<>();
      for (String topic : scenario.outputTopics()) {
        List<Output> records = new ArrayList<>();
        for (org.apache.kafka.streams.test.TestRecord<String, String> r : driver
            .createOutputTopic(topic, new StringDeserializer(), new StringDeserializer())
            .readRecordsToList()) {
          records.add(Output.of(topic, r.key(), r.value(), r.timestamp(), r.headers()));
        }
        out.put(topic, records);
      }
      return out;
    } finally {
      driver.close();
    }
  }

  private static Map<String, List<Output>> runSluice(io.sluice.processor.Topology topology,
      Scenario scenario, List<Input> inputs, Properties props) {
    io.sluice.testkit.TopologyTestDriver driver =
        new io.sluice.testkit.TopologyTestDriver(topology, props);
    try {
      Map<String, io.sluice.testkit.TestInputTopic<String, String>> in = new LinkedHashMap<>();
      for (String topic : scenario.inputTopics()) {
        in.put(topic,
            driver.createInputTopic(topic, new StringSerializer(), new StringSerializer()));
      }
      for (Input input : inputs) {
        in.get(input.topic()).pipeInput(new io.sluice.testkit.TestRecord<>(
            input.key(), input.value(), headers(input), input.timestamp()));
      }
      Map<String, List<Output>> out = new LinkedHashMap<>();
      for (String topic : scenario.outputTopics()) {
        List<Output> records = new ArrayList<>();
        for (io.sluice.testkit.TestRecord<String, String> r : driver
            .createOutputTopic(topic, new StringDeserializer(), new StringDeserializer())
            .readRecordsToList()) {
          records.add(Output.of(topic, r.key(), r.value(), r.timestamp(), r.headers()));
        }
        out.put(topic, records);
      }
      return out;
    } finally {
      driver.close();
    }
  }

  private static Headers headers(Input input) {
    RecordHeaders headers = new RecordHeaders();
    for (Input.Header header : input.headers()) {
      headers.add(header.key(), header.value() == null ? null : header.value().clone());
    }
    return headers;
  }

  /** Each node as "name <- [predecessors] -> [successors]", sorted; sub-topology ids ignored. */
  private static List<String> nodes(TopologyDescription description) {
    return description.subtopologies().stream()
        .flatMap(sub -> sub.nodes().stream())
        .map(n -> n.name() + " <- " + new TreeSet<>(n.predecessors()) + " -> "
            + new TreeSet<>(n.successors()))
        .sorted()
        .toList();
  }

  private static List<String> nodes(org.apache.kafka.streams.TopologyDescription description) {
    return description.subtopologies().stream()
        .flatMap(sub -> sub.nodes().stream())
        .map(n -> n.name() + " <- " + names(n.predecessors().stream()) + " -> "
            + names(n.successors().stream()))
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  private static TreeSet<String> names(
      Stream<org.apache.kafka.streams.TopologyDescription.Node> nodes) {
    return nodes.map(org.apache.kafka.streams.TopologyDescription.Node::name)
        .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
  }
}
