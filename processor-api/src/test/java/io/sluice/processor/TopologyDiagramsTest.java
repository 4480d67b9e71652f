package io.sluice.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.Stores;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class TopologyDiagramsTest {
  private static TopologyDescription counting() {
    return new Topology()
        .addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "words")
        .addProcessor("count", () -> new Processor<String, String, String, Long>() {
          @Override
          public void process(Record<String, String> record) {}
        }, "in")
        .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"),
            Serdes.String(), Serdes.Long()), "count")
        .addSink("out", "word-\"counts\"", Serdes.String().serializer(),
            Serdes.Long().serializer(), "count")
        .describe();
  }

  @Test
  void dotHasClustersTopicsStoresAndEdges() {
    String dot = TopologyDiagrams.toDot(counting());

    assertThat(dot).startsWith("digraph topology {")
        .contains("subgraph \"cluster_Sub-topology 0\"")
        .contains("\"topic:words\" -> \"in\";")
        .contains("\"in\" -> \"count\";")
        .contains("\"count\" -> \"store:counts\" [style=dashed, arrowhead=none];")
        .contains("\"out\" -> \"topic:word-\\\"counts\\\"\";")
        .contains("\"store:counts\" [label=\"counts\", shape=cylinder];");
  }

  @Test
  void mermaidUsesGeneratedIdsAndEscapedLabels() {
    String mermaid = TopologyDiagrams.toMermaid(counting());

    assertThat(mermaid).startsWith("flowchart LR\n")
        .contains("subgraph sub0[\"Sub-topology 0\"]")
        .contains("n0[\"in\"]")
        .contains("([\"words\"])")
        .contains("[(\"counts\")]")
        .contains("([\"word-#quot;counts#quot;\"])")
        .contains(" -.- ");
    assertThat(TopologyDiagrams.toMermaid(counting())).isEqualTo(mermaid);
  }

  @Test
  void patternSourcesAndGlobalStoresAreDrawn() {
    TopologyDescription description = new Topology()
        .addSource("in", SourceOptions.defaults(), Serdes.String().deserializer(),
            Serdes.String().deserializer(), java.util.regex.Pattern.compile("orders-.*"))
        .addSink("out", "copy", Serdes.String().serializer(), Serdes.String().serializer(), "in")
        .addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("customers"),
                Serdes.String(), Serdes.String()).withLoggingDisabled(), "g-src", null,
            Serdes.String().deserializer(), Serdes.String().deserializer(), "customers-topic",
            "g-proc", () -> new Processor<String, String, Void, Void>() {
              @Override
              public void process(Record<String, String> record) {}
            })
        .describe();

    String dot = TopologyDiagrams.toDot(description);
    assertThat(dot).contains("\"topic:/orders-.*/\" -> \"in\";")
        .contains("subgraph \"cluster_Global store customers\"")
        .contains("\"topic:customers-topic\" -> \"g-src\";")
        .contains("\"g-proc\" -> \"store:customers\" [style=dashed, arrowhead=none];");
  }
}
