package io.sluice.dsl.internals;

import io.sluice.processor.TopologyException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operators of one graph that can drop records, by operator name, and the side outputs
 * attached to them. A side output is declared on an input of the operator: only the operator's
 * nodes that read (directly or through the operator's own internal nodes) from that input
 * contribute, so each side of a join has its own dropped-records stream.
 */
final class DropperRegistry {
  private record Dropper(GraphNode node, DropSpec spec) {}

  private final Map<String, List<Dropper>> byOperator = new LinkedHashMap<>();
  private final Map<DropSpec, GraphNode> sideOutputs = new IdentityHashMap<>();
  private final Map<String, GraphNode> merged = new LinkedHashMap<>();

  void register(String operatorName, GraphNode node, DropSpec spec) {
    Objects.requireNonNull(operatorName, "registerDropper: operatorName");
    Objects.requireNonNull(node, "registerDropper: node");
    Objects.requireNonNull(spec, "registerDropper: spec");
    if (!operatorName.equals(spec.operatorName())) {
      throw new IllegalArgumentException("registerDropper: operator name '" + operatorName
          + "' differs from the DropSpec's '" + spec.operatorName() + "'; pass the same name");
    }
    List<Dropper> droppers = byOperator.computeIfAbsent(operatorName, n -> new ArrayList<>());
    for (Dropper d : droppers) {
      if (d.spec == spec || d.node == node) {
        throw new IllegalArgumentException("registerDropper: node '" + node.name()
            + "' or its DropSpec is already registered for operator '" + operatorName
            + "'; register one DropSpec per node");
      }
    }
    droppers.add(new Dropper(node, spec));
  }

  /** @return whether an operator of that name was registered */
  boolean canDrop(String operatorName) {
    return byOperator.containsKey(operatorName);
  }

  /**
   * Attaches (once) the side output of {@code operatorName}'s nodes that read from {@code input}.
   *
   * @param builder the graph, to add the side-output nodes to
   * @param input the node whose output the operator reads
   * @param operatorName the operator's name
   * @param inputKind what the input is, for messages ("stream", "table", ...)
   * @return the node whose output is the dropped records
   * @throws TopologyException if no such operator was declared yet, it cannot drop, or it does not
   *     read from {@code input}
   */
  GraphNode sideOutput(InternalStreamsBuilder builder, GraphNode input, String operatorName,
      String inputKind) {
    List<Dropper> droppers = byOperator.get(operatorName);
    if (droppers == null) {
      throw new TopologyException(unknown(builder, operatorName));
    }
    List<Dropper> reading = new ArrayList<>();
    for (Dropper d : droppers) {
      if (reachable(input, d.node)) {
        reading.add(d);
      }
    }
    if (reading.isEmpty()) {
      throw new TopologyException("droppedRecords: operator '" + operatorName + "' does not read"
          + " from this " + inputKind + " (node '" + input.name() + "'); call droppedRecords on"
          + " the stream, table or grouped stream the operator was applied to");
    }
    List<GraphNode> outputs = new ArrayList<>();
    for (Dropper d : reading) {
      outputs.add(sideOutputs.computeIfAbsent(d.spec, spec -> {
        String name = droppers.size() == 1
            ? operatorName + "-dropped"
            : operatorName + "-dropped-" + droppers.indexOf(d);
        spec.attachSideOutput(name);
        GraphNode child = new DroppedRecordsNode(name, d.node, spec);
        builder.add(child);
        return child;
      }));
    }
    if (outputs.size() == 1) {
      return outputs.get(0);
    }
    String key = outputs.stream().map(GraphNode::name).collect(Collectors.joining(","));
    return merged.computeIfAbsent(key, k -> {
      GraphNode merge = new FixedKeyProcessorNode<>(operatorName + "-dropped", outputs,
          new KStreamPassThrough<Object, Object>(), List.of());
      builder.add(merge);
      return merge;
    });
  }

  private String unknown(InternalStreamsBuilder builder, String operatorName) {
    String known = byOperator.isEmpty() ? "none yet" : String.join(", ", byOperator.keySet());
    if (builder.hasNode(operatorName)) {
      return "droppedRecords: operator '" + operatorName + "' cannot drop records (only"
          + " aggregations, windowed operations, joins and deduplicate can); operators of this"
          + " builder that can: " + known;
    }
    return "droppedRecords: no operator named '" + operatorName + "' has been declared yet;"
        + " declare it first with that Named (e.g. groupByKey().count(Named.as(\"" + operatorName
        + "\"))), then call droppedRecords(Named.as(\"" + operatorName + "\")) on its input;"
        + " operators that can drop so far: " + known;
  }

  private static boolean reachable(GraphNode from, GraphNode to) {
    Deque<GraphNode> todo = new ArrayDeque<>(from.children());
    Set<GraphNode> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      GraphNode n = todo.pop();
      if (n == to) {
        return true;
      }
      if (seen.add(n)) {
        todo.addAll(n.children());
      }
    }
    return false;
  }
}
