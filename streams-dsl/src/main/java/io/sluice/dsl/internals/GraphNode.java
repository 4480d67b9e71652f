package io.sluice.dsl.internals;

import io.sluice.processor.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of the DSL's logical graph: a single processor, source or sink to be written into the
 * {@link Topology}. Nodes know their parents and children, so later passes (repartition placement,
 * optimisation) can walk and rewrite the graph before anything is written.
 *
 * <p>{@link #repartitionRequired()} is set when this node or an ancestor changed the key since the
 * last source: a stateful operator downstream of such a node must read through a repartition topic.
 */
abstract class GraphNode {
  private final String name;
  private final List<GraphNode> parents;
  private final List<GraphNode> children = new ArrayList<>();
  private final boolean repartitionRequired;

  /**
   * @param name the processor name, unique in the graph
   * @param changesKey whether this node may forward records under another key than it received
   * @param parents the nodes whose output this node reads; empty for a source
   */
  GraphNode(String name, boolean changesKey, List<GraphNode> parents) {
    this.name = name;
    this.parents = new ArrayList<>(parents);
    boolean inherited = false;
    for (GraphNode parent : parents) {
      inherited |= parent.repartitionRequired;
    }
    this.repartitionRequired = changesKey || inherited;
  }

  /**
   * A node whose output is partitioned by its key whatever its parents did: the source side of a
   * repartition topic.
   *
   * @param name the node name, unique in the graph
   * @param parents the nodes whose output this node reads
   * @param repartitions must be {@code true}: marks this constructor's purpose at the call site
   */
  GraphNode(String name, List<GraphNode> parents, boolean repartitions) {
    if (!repartitions) {
      throw new IllegalArgumentException("GraphNode(" + name + "): use the other constructor for"
          + " nodes that do not repartition");
    }
    this.name = name;
    this.parents = new ArrayList<>(parents);
    this.repartitionRequired = false;
  }

  /** @return the processor name */
  final String name() {
    return name;
  }

  /** @return the parents, in the order given */
  final List<GraphNode> parents() {
    return Collections.unmodifiableList(parents);
  }

  /** @return the children, in the order they were attached */
  final List<GraphNode> children() {
    return Collections.unmodifiableList(children);
  }

  /** @return whether a key change happened on the path from a source to this node */
  final boolean repartitionRequired() {
    return repartitionRequired;
  }

  /** Called by the graph once this node is registered. */
  final void linkToParents() {
    for (GraphNode parent : parents) {
      parent.children.add(this);
    }
  }

  /**
   * Optimizer: makes this node read from {@code replacement} where it read from {@code parent},
   * keeping the parents' order, and moves the child link along.
   *
   * @throws IllegalArgumentException if {@code parent} is not a parent of this node
   */
  final void replaceParent(GraphNode parent, GraphNode replacement) {
    int index = parents.indexOf(parent);
    if (index < 0) {
      throw new IllegalArgumentException(parent + " is not a parent of " + this);
    }
    parents.set(index, replacement);
    parent.children.remove(this);
    replacement.children.add(this);
  }

  /**
   * Optimizer: takes {@code old}'s place, at the same position, among the children of each of
   * {@code old}'s parents, which must be this node's parents too.
   */
  final void takeChildPlaceOf(GraphNode old) {
    for (GraphNode parent : old.parents) {
      parent.children.set(parent.children.indexOf(old), this);
    }
  }

  /** Optimizer: removes this node's links to its parents, as it leaves the graph. */
  final void unlinkFromParents() {
    for (GraphNode parent : parents) {
      parent.children.remove(this);
    }
  }

  /** @return the parents' names, for {@code Topology.add*} calls */
  final String[] parentNames() {
    return parents.stream().map(GraphNode::name).toArray(String[]::new);
  }

  /**
   * Adds this node to the topology. Parents are always written before their children.
   *
   * @param topology the topology being built
   */
  abstract void writeTo(Topology topology);

  /**
   * Adds this node to the topology with the settings the topology is built with. Nodes whose
   * output depends on settings (store types of DSL stores, say) override this and make
   * {@link #writeTo(Topology)} use {@link BuildContext#defaults()}.
   *
   * @param topology the topology being built
   * @param context the build settings
   */
  void writeTo(Topology topology, BuildContext context) {
    writeTo(topology);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + name + ")";
  }
}
