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
import org.apache.kafka.common.serialization.Serde;

/**
 * The operators of one graph that can drop records, by operator name, and the side outputs
 * attached to them. A side output is declared on an input of the operator: only the operator's
 * nodes that read (directly or through the operator's own internal nodes) from that input
 * contribute, so each side of a join has its own dropped-records stream. When several nodes of
 * the operator contribute (a null-key filter before a repartition topic and the aggregation after
 * it), their side outputs are merged into {@code <operator>-dropped}; the ones in another
 * sub-topology than the last come over an internal topic {@code <side output>-repartition}.
 */
final class DropperRegistry {
  private record Dropper(GraphNode node, DropSpec spec) {}

  private final Map<String, List<Dropper>> byOperator = new LinkedHashMap<>();
  private final Map<DropSpec, GraphNode> sideOutputs = new IdentityHashMap<>();
  private final Map<DropSpec, GraphNode> routed = new IdentityHashMap<>();
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

  /**
   * Optimizer: the drop specs registered on {@code from} now report from {@code to}, and their
   * side outputs read {@code to}.
   */
  void moveDroppers(GraphNode from, GraphNode to) {
    for (List<Dropper> droppers : byOperator.values()) {
      droppers.replaceAll(d -> {
        if (d.node != from) {
          return d;
        }
        GraphNode side = sideOutputs.get(d.spec);
        if (side != null && side.parents().contains(from)) {
          side.replaceParent(from, to);
        }
        return new Dropper(to, d.spec);
      });
    }
  }

  /** @return the drop specs registered on {@code node}, in registration order */
  List<DropSpec> specsOf(GraphNode node) {
    List<DropSpec> specs = new ArrayList<>();
    for (List<Dropper> droppers : byOperator.values()) {
      for (Dropper d : droppers) {
        if (d.node == node) {
          specs.add(d.spec);
        }
      }
    }
    return specs;
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
   * @param includeInput whether drops of {@code input} itself count (a grouped table's selector
   *     reports its drops typed as the grouped table)
   * @param operatorName the operator's name
   * @param inputKind what the input is, for messages ("stream", "table", ...)
   * @param keySerde the input's key serde, or {@code null}: for side outputs that cross a
   *     repartition to be merged
   * @param valueSerde the input's value serde, or {@code null}
   * @return the node whose output is the dropped records
   * @throws TopologyException if no such operator was declared yet, it cannot drop, or it does not
   *     read from {@code input}
   */
  <K, V> GraphNode sideOutput(InternalStreamsBuilder builder, GraphNode input,
      boolean includeInput, String operatorName, String inputKind, Serde<K> keySerde,
      Serde<V> valueSerde) {
    List<Dropper> droppers = byOperator.get(operatorName);
    if (droppers == null) {
      throw new TopologyException(unknown(builder, operatorName));
    }
    List<Dropper> reading = new ArrayList<>();
    for (Dropper d : droppers) {
      if ((includeInput && d.node == input) || reachable(input, d.node)) {
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
    GraphNode existing = merged.get(key);
    if (existing != null) {
      return existing;
    }
    // The merge goes where the last (most downstream) side output is; side outputs behind a
    // repartition from it come over an internal topic, so that no sub-topologies are fused.
    Set<GraphNode> home = boundaries(outputs.get(outputs.size() - 1));
    List<GraphNode> parents = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      GraphNode output = outputs.get(i);
      if (boundaries(output).equals(home)) {
        parents.add(output);
      } else {
        parents.add(routed.computeIfAbsent(reading.get(i).spec, spec -> {
          String topic = spec.sideOutputName() + RepartitionNode.SUFFIX;
          GraphNode source = new RepartitionNode<>(topic + "-source", topic + "-sink", output,
              topic, -1, keySerde, valueSerde, null);
          builder.add(source);
          return source;
        }));
      }
    }
    String name = operatorName + "-dropped" + (merged.isEmpty() ? "" : "-merge-" + merged.size());
    GraphNode merge = new FixedKeyProcessorNode<>(name, parents,
        new KStreamPassThrough<Object, Object>(), List.of());
    builder.add(merge);
    merged.put(key, merge);
    return merge;
  }

  /**
   * @return the nearest sources and repartition sources above {@code node}: nodes with the same
   *     set are in the same sub-topology
   */
  private static Set<GraphNode> boundaries(GraphNode node) {
    Set<GraphNode> found = new HashSet<>();
    Deque<GraphNode> todo = new ArrayDeque<>(List.of(node));
    Set<GraphNode> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      GraphNode n = todo.pop();
      if (!seen.add(n)) {
        continue;
      }
      if (n instanceof RepartitionNode<?, ?> || n.parents().isEmpty()) {
        found.add(n);
      } else {
        todo.addAll(n.parents());
      }
    }
    return found;
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
