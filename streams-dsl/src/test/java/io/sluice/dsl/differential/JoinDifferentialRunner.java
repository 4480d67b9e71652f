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
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyConfig;

/**
 * Runs a join {@link Scenario} on both test drivers with extra settings given to both sides (store
 * type, cache size, the outer-join emit interval): the stateless harness runs with fixed
 * settings. Both topologies are built with the settings, so {@code default.dsl.store} applies.
 */
final class JoinDifferentialRunner {
  private JoinDifferentialRunner() {}

  /**
   * @param scenario the topology pair
   * @param inputs the records, in piping order
   * @param stateDir a fresh directory for Kafka Streams' state
   * @param settings extra settings for both drivers
   * @return the number of records compared
   */
  static int assertSameOutput(Scenario scenario, List<Input> inputs, Path stateDir,
      Map<String, Object> settings) {
    Properties kafkaProps = new Properties();
    kafkaProps.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, "differential");
    kafkaProps.put(org.apache.kafka.streams.StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
    kafkaProps.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    kafkaProps.put(org.apache.kafka.streams.StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG,
        Serdes.StringSerde.class);
    kafkaProps.put(org.apache.kafka.streams.StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG,
        Serdes.StringSerde.class);
    kafkaProps.putAll(settings);
    Properties sluiceProps = new Properties();
    sluiceProps.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
    sluiceProps.put(StreamsConfig.DEFAULT_VALUE_SERDE, Serdes.StringSerde.class);
    sluiceProps.putAll(settings);

    org.apache.kafka.streams.StreamsBuilder kafkaBuilder = new org.apache.kafka.streams.StreamsBuilder(
        new TopologyConfig(new org.apache.kafka.streams.StreamsConfig(kafkaProps)));
    scenario.kafka().accept(kafkaBuilder);
    io.sluice.dsl.StreamsBuilder sluiceBuilder = new io.sluice.dsl.StreamsBuilder();
    scenario.sluice().accept(sluiceBuilder);
    org.apache.kafka.streams.Topology kafkaTopology = kafkaBuilder.build(kafkaProps);
    io.sluice.processor.Topology sluiceTopology = sluiceBuilder.build(sluiceProps);
    if (scenario.sameNodeNames()) {
      assertThat(nodes(sluiceTopology.describe()))
          .as("node names and edges of %s", scenario.name())
          .containsExactlyElementsOf(nodes(kafkaTopology.describe()));
    }
    Map<String, List<Output>> expected = runKafka(kafkaTopology, kafkaProps, scenario, inputs);
    Map<String, List<Output>> actual = runSluice(sluiceTopology, sluiceProps, scenario, inputs);
    int total = 0;
    for (String topic : scenario.outputTopics()) {
      List<Output> want = expected.get(topic);
      List<Output> got = actual.get(topic);
      for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
        assertThat(got.get(i)).as("record %d of topic %s in %s with %s", i, topic,
            scenario.name(), settings).isEqualTo(want.get(i));
      }
      assertThat(got).as("records of topic %s in %s with %s", topic, scenario.name(), settings)
          .hasSameSizeAs(want);
      total += want.size();
    }
    return total;
  }

  private static Map<String, List<Output>> runKafka(org.apache.kafka.streams.Topology topology,
      Properties props, Scenario scenario, List<Input> inputs) {
    try (org.apache.kafka.streams.TopologyTestDriver driver =
        new org.apache.kafka.streams.TopologyTestDriver(topology, props)) {
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
    }
  }

  private static Map<String, List<Output>> runSluice(io.sluice.processor.Topology topology,
      Properties props, Scenario scenario, List<Input> inputs) {
    try (io.sluice.testkit.TopologyTestDriver driver =
        new io.sluice.testkit.TopologyTestDriver(topology, props)) {
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
    }
  }

  /** Each node as "name <- [predecessors] -> [successors]", sorted; sub-topology ids ignored. */
  private static List<String> nodes(io.sluice.processor.TopologyDescription description) {
    List<String> nodes = new ArrayList<>();
    description.subtopologies().forEach(sub -> sub.nodes().forEach(n -> nodes.add(n.name()
        + " <- " + new TreeSet<>(n.predecessors()) + " -> " + new TreeSet<>(n.successors()))));
    description.globalStores().forEach(g -> nodes.add("global " + g.source() + " -> "
        + g.processor()));
    return nodes.stream().sorted().toList();
  }

  private static List<String> nodes(org.apache.kafka.streams.TopologyDescription description) {
    List<String> nodes = new ArrayList<>();
    description.subtopologies().forEach(sub -> sub.nodes().forEach(n -> nodes.add(n.name()
        + " <- " + names(n.predecessors()) + " -> " + names(n.successors()))));
    description.globalStores().forEach(g -> nodes.add("global " + g.source().name() + " -> "
        + g.processor().name()));
    return nodes.stream().sorted().toList();
  }

  private static TreeSet<String> names(
      java.util.Set<org.apache.kafka.streams.TopologyDescription.Node> nodes) {
    TreeSet<String> names = new TreeSet<>();
    nodes.forEach(n -> names.add(n.name()));
    return names;
  }

  private static Headers headers(Input input) {
    RecordHeaders headers = new RecordHeaders();
    for (Input.Header header : input.headers()) {
      headers.add(header.key(), header.value() == null ? null : header.value().clone());
    }
    return headers;
  }
}
