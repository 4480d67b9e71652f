package io.sluice.processor;

import java.util.List;

/**
 * What a {@link Topology} contains, for reading and printing: its sub-topologies (groups of nodes
 * connected through parent links or shared stores, numbered by the order of their first source)
 * and its global stores. {@link #toString()} is deterministic.
 *
 * @param subtopologies the sub-topologies, by id
 * @param globalStores the global stores, in the order they were added
 */
public record TopologyDescription(List<Subtopology> subtopologies, List<GlobalStore> globalStores) {
  /** Copies the lists. */
  public TopologyDescription {
    subtopologies = List.copyOf(subtopologies);
    globalStores = List.copyOf(globalStores);
  }

  /** The kind of a node. */
  public enum Kind {
    /** Reads topics. */
    SOURCE,
    /** Runs a processor. */
    PROCESSOR,
    /** Writes a topic. */
    SINK
  }

  /**
   * One node.
   *
   * @param name the node name
   * @param kind what the node does
   * @param detail topics or pattern of a source, stores of a processor, topic of a sink
   * @param predecessors parents, in the order given
   * @param successors children, in the order they were added
   */
  public record Node(
      String name, Kind kind, String detail, List<String> predecessors, List<String> successors) {
    /** Copies the lists. */
    public Node {
      predecessors = List.copyOf(predecessors);
      successors = List.copyOf(successors);
    }
  }

  /**
   * A group of connected nodes; each becomes one task per input partition.
   *
   * @param id the sub-topology number
   * @param nodes its nodes in the order they were added
   */
  public record Subtopology(int id, List<Node> nodes) {
    /** Copies the list. */
    public Subtopology {
      nodes = List.copyOf(nodes);
    }
  }

  /**
   * A store replicated in full on every instance, fed from its source topic by its processor.
   *
   * @param storeName the store
   * @param source the source node name
   * @param topic the topic read
   * @param processor the processor node that writes the store
   */
  public record GlobalStore(String storeName, String source, String topic, String processor) {}

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Topology\n");
    for (Subtopology sub : subtopologies) {
      out.append("  Sub-topology ").append(sub.id()).append('\n');
      for (Node node : sub.nodes()) {
        out.append("    ").append(label(node.kind())).append(' ').append(node.name());
        out.append(" (").append(node.detail()).append(")\n");
        if (!node.successors().isEmpty()) {
          out.append("      --> ").append(String.join(", ", node.successors())).append('\n');
        }
        if (!node.predecessors().isEmpty()) {
          out.append("      <-- ").append(String.join(", ", node.predecessors())).append('\n');
        }
      }
    }
    for (GlobalStore store : globalStores) {
      out.append("  Global store ").append(store.storeName()).append(" (source ")
          .append(store.source()).append(" reads ").append(store.topic())
          .append(", processor ").append(store.processor()).append(")\n");
    }
    return out.toString();
  }

  private static String label(Kind kind) {
    return switch (kind) {
      case SOURCE -> "Source";
      case PROCESSOR -> "Processor";
      case SINK -> "Sink";
    };
  }
}
