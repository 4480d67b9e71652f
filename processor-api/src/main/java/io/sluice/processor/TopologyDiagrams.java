package io.sluice.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link TopologyDescription} as a picture source: Graphviz DOT ({@link #toDot}) or a
 * Mermaid flowchart ({@link #toMermaid}). Topics are drawn as rounded nodes outside the
 * sub-topologies, stores as cylinders, processors as boxes grouped per sub-topology; a dashed edge
 * joins a processor to each store it uses. The output is deterministic, so it can be kept in
 * version control and compared.
 */
public final class TopologyDiagrams {
  private TopologyDiagrams() {}

  /**
   * @param description the topology to draw
   * @return a Graphviz {@code digraph}, e.g. for {@code dot -Tsvg}
   */
  public static String toDot(TopologyDescription description) {
    Graph graph = Graph.of(description);
    StringBuilder out = new StringBuilder("digraph topology {\n  rankdir=LR;\n")
        .append("  node [fontname=\"Helvetica\", fontsize=10];\n");
    for (Map.Entry<String, List<String>> sub : graph.nodesBySubtopology.entrySet()) {
      out.append("  subgraph \"cluster_").append(dotEscape(sub.getKey())).append("\" {\n")
          .append("    label=\"").append(dotEscape(sub.getKey())).append("\";\n");
      for (String node : sub.getValue()) {
        out.append("    \"").append(dotEscape(node)).append("\" [shape=box];\n");
      }
      out.append("  }\n");
    }
    for (String topic : graph.topics) {
      out.append("  \"topic:").append(dotEscape(topic)).append("\" [label=\"")
          .append(dotEscape(topic)).append("\", shape=box, style=rounded];\n");
    }
    for (String store : graph.stores) {
      out.append("  \"store:").append(dotEscape(store)).append("\" [label=\"")
          .append(dotEscape(store)).append("\", shape=cylinder];\n");
    }
    for (Edge edge : graph.edges) {
      out.append("  \"").append(dotEscape(edge.dotFrom())).append("\" -> \"")
          .append(dotEscape(edge.dotTo())).append('"')
          .append(edge.store() ? " [style=dashed, arrowhead=none]" : "").append(";\n");
    }
    return out.append("}\n").toString();
  }

  /**
   * @param description the topology to draw
   * @return a Mermaid {@code flowchart}, e.g. for a fenced {@code mermaid} block in Markdown
   */
  public static String toMermaid(TopologyDescription description) {
    Graph graph = Graph.of(description);
    Map<String, String> ids = new LinkedHashMap<>();
    StringBuilder out = new StringBuilder("flowchart LR\n");
    int sub = 0;
    for (Map.Entry<String, List<String>> entry : graph.nodesBySubtopology.entrySet()) {
      out.append("  subgraph sub").append(sub++).append("[\"")
          .append(mermaidEscape(entry.getKey())).append("\"]\n");
      for (String node : entry.getValue()) {
        out.append("    ").append(id(ids, "node:" + node)).append("[\"")
            .append(mermaidEscape(node)).append("\"]\n");
      }
      out.append("  end\n");
    }
    for (String topic : graph.topics) {
      out.append("  ").append(id(ids, "topic:" + topic)).append("([\"")
          .append(mermaidEscape(topic)).append("\"])\n");
    }
    for (String store : graph.stores) {
      out.append("  ").append(id(ids, "store:" + store)).append("[(\"")
          .append(mermaidEscape(store)).append("\")]\n");
    }
    for (Edge edge : graph.edges) {
      out.append("  ").append(id(ids, edge.from())).append(edge.store() ? " -.- " : " --> ")
          .append(id(ids, edge.to())).append('\n');
    }
    return out.toString();
  }

  private static String id(Map<String, String> ids, String key) {
    return ids.computeIfAbsent(key, k -> "n" + ids.size());
  }

  private static String dotEscape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String mermaidEscape(String text) {
    return text.replace("\"", "#quot;");
  }

  /** An edge between keys of the form {@code node:}, {@code topic:} or {@code store:} + name. */
  private record Edge(String from, String to, boolean store) {
    String dotFrom() {
      return from.startsWith("node:") ? from.substring(5) : from;
    }

    String dotTo() {
      return to.startsWith("node:") ? to.substring(5) : to;
    }
  }

  /** The description flattened into the three kinds of vertex and the edges between them. */
  private static final class Graph {
    final Map<String, List<String>> nodesBySubtopology = new LinkedHashMap<>();
    final List<String> topics = new ArrayList<>();
    final List<String> stores = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();

    static Graph of(TopologyDescription description) {
      Graph graph = new Graph();
      for (TopologyDescription.Subtopology sub : description.subtopologies()) {
        List<String> names = new ArrayList<>();
        graph.nodesBySubtopology.put("Sub-topology " + sub.id(), names);
        for (TopologyDescription.Node node : sub.nodes()) {
          names.add(node.name());
          graph.addNode(node);
        }
      }
      for (TopologyDescription.GlobalStore global : description.globalStores()) {
        graph.nodesBySubtopology.put("Global store " + global.storeName(),
            List.of(global.source(), global.processor()));
        graph.addTopic(global.topic());
        graph.edges.add(new Edge("topic:" + global.topic(), "node:" + global.source(), false));
        graph.edges.add(new Edge("node:" + global.source(), "node:" + global.processor(), false));
        graph.addStore(global.storeName());
        graph.edges.add(new Edge("node:" + global.processor(), "store:" + global.storeName(),
            true));
      }
      return graph;
    }

    private void addNode(TopologyDescription.Node node) {
      String key = "node:" + node.name();
      switch (node.kind()) {
        case SOURCE -> {
          for (String topic : names(node.detail(), "topics: ")) {
            addTopic(topic);
            edges.add(new Edge("topic:" + topic, key, false));
          }
          if (node.detail().startsWith("pattern: ")) {
            String pattern = "/" + node.detail().substring("pattern: ".length()) + "/";
            addTopic(pattern);
            edges.add(new Edge("topic:" + pattern, key, false));
          }
        }
        case PROCESSOR -> {
          for (String store : names(node.detail(), "stores: ")) {
            addStore(store);
            edges.add(new Edge(key, "store:" + store, true));
          }
        }
        case SINK -> {
          String topic = node.detail().startsWith("topic: ")
              ? node.detail().substring("topic: ".length()) : node.detail();
          addTopic(topic);
          edges.add(new Edge(key, "topic:" + topic, false));
        }
      }
      for (String child : node.successors()) {
        edges.add(new Edge(key, "node:" + child, false));
      }
    }

    private void addTopic(String topic) {
      if (!topics.contains(topic)) {
        topics.add(topic);
      }
    }

    private void addStore(String store) {
      if (!stores.contains(store)) {
        stores.add(store);
      }
    }

    /** Parses {@code "<prefix>[a, b]"} into its names; anything else yields none. */
    private static List<String> names(String detail, String prefix) {
      if (!detail.startsWith(prefix + "[") || !detail.endsWith("]")) {
        return List.of();
      }
      String inner = detail.substring(prefix.length() + 1, detail.length() - 1).trim();
      if (inner.isEmpty()) {
        return List.of();
      }
      List<String> result = new ArrayList<>();
      for (String name : inner.split(", ")) {
        result.add(name.trim());
      }
      return result;
    }
  }
}
