package io.sluice.dsl.differential;

import java.util.List;
import java.util.function.Consumer;

/**
 * One topology written twice, with Apache Kafka Streams' DSL and with Sluice's, over String keys
 * and values. Both drivers get the same input topics and are read on the same output topics.
 *
 * @param name the scenario's name in test reports
 * @param inputTopics the topics the generated records go to
 * @param outputTopics the topics whose records are compared
 * @param kafka builds the Kafka Streams topology
 * @param sluice builds the Sluice topology
 * @param sameNodeNames whether both topologies must have the same node names and edges
 */
record Scenario(String name, List<String> inputTopics, List<String> outputTopics,
    Consumer<org.apache.kafka.streams.StreamsBuilder> kafka,
    Consumer<io.sluice.dsl.StreamsBuilder> sluice, boolean sameNodeNames) {
  @Override
  public String toString() {
    return name;
  }
}
