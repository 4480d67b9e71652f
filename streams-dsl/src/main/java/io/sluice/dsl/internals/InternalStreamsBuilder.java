package io.sluice.dsl.internals;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.GlobalKTable;
import io.sluice.dsl.KStream;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.processor.Topology;
import io.sluice.processor.TopologyException;
import io.sluice.state.StoreBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;

/**
 * The logical graph behind one {@code StreamsBuilder}: its nodes in creation order, the state
 * stores added by name, and the counter behind generated names ({@code <PREFIX><10 digits>}, one
 * counter for all prefixes, as Kafka Streams numbers them). {@link #buildTopology()} writes the
 * nodes into a fresh {@link Topology}; a node's parents are always created, and so written, before
 * it.
 */
public final class InternalStreamsBuilder {
  private final List<GraphNode> nodes = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private final Map<String, StoreBuilder<?>> stores = new LinkedHashMap<>();
  private final DropperRegistry droppers = new DropperRegistry();
  private int counter;

  /** Creates an empty graph. */
  public InternalStreamsBuilder() {}

  /**
   * Adds a source node.
   *
   * @param topics the topics to read; empty when {@code pattern} is given
   * @param pattern the topic pattern, or {@code null}
   * @param consumed serdes, extractor, reset policy and name of the source
   * @param <K> key type
   * @param <V> value type
   * @return the stream of the source's records
   */
  public <K, V> KStream<K, V> stream(
      List<String> topics, Pattern pattern, Consumed<K, V> consumed) {
    String name = name(KStreamImpl.SOURCE, consumed.name());
    SourceNode node = new SourceNode(name, topics, pattern, consumed);
    add(node);
    return new KStreamImpl<>(this, node, consumed.keySerde(), consumed.valueSerde());
  }

  /**
   * Adds a source table: a source node and the table processor reading it.
   *
   * @param topic the topic to read
   * @param consumed serdes, extractor, reset policy and source name
   * @param materialized the table's store; used when named or when a reader needs it
   * @param <K> key type
   * @param <V> value type
   * @return the table
   */
  public <K, V> KTable<K, V> table(
      String topic, Consumed<K, V> consumed, Materialized<K, V, ?> materialized) {
    return TableSources.table(this, topic, consumed, materialized);
  }

  /**
   * Adds a global table: a global store fed by {@code topic}.
   *
   * @param topic the topic to read
   * @param consumed serdes, extractor and source name
   * @param materialized the store's name, serdes and caching
   * @param <K> key type
   * @param <V> value type
   * @return the global table
   */
  public <K, V> GlobalKTable<K, V> globalTable(
      String topic, Consumed<K, V> consumed, Materialized<K, V, ?> materialized) {
    return GlobalTables.globalTable(this, topic, consumed, materialized);
  }

  /**
   * Registers a state store for processors to connect to by name.
   *
   * @param builder the store's builder
   * @throws TopologyException if a store of the same name was added before
   */
  public void addStateStore(StoreBuilder<?> builder) {
    if (stores.putIfAbsent(builder.name(), builder) != null) {
      throw new TopologyException("State store '" + builder.name() + "' was already added to this"
          + " StreamsBuilder; give each store its own name");
    }
  }

  /**
   * @param prefix an operator prefix such as {@code KSTREAM-FILTER-}
   * @return the prefix followed by the next value of the counter, ten digits wide
   */
  String newName(String prefix) {
    return String.format("%s%010d", prefix, counter++);
  }

  /**
   * @param prefix an operator prefix such as {@code KSTREAM-AGGREGATE-}
   * @return a generated store name: the prefix, {@code STATE-STORE-} and the next counter value
   */
  String newStoreName(String prefix) {
    return String.format("%sSTATE-STORE-%010d", prefix, counter++);
  }

  /**
   * Names a node. The counter advances even for an explicit name, as in Kafka Streams, so naming
   * one operator does not shift the generated names of the operators after it.
   *
   * @param prefix an operator prefix such as {@code KSTREAM-FILTER-}
   * @param explicit the user's name, or {@code null}
   * @return {@code explicit} if given, else a generated name
   */
  String name(String prefix, String explicit) {
    String generated = newName(prefix);
    return explicit != null ? explicit : generated;
  }

  /**
   * Registers a node, linking it to its parents.
   *
   * @param node a node whose name no other node has
   * @throws TopologyException naming the duplicate if the name is taken
   */
  void add(GraphNode node) {
    if (!names.add(node.name())) {
      throw new TopologyException("Two operators are named '" + node.name() + "'; processor names"
          + " must be unique in a topology, so pass a different Named, Consumed or Produced name");
    }
    node.linkToParents();
    nodes.add(node);
  }

  /**
   * Registers an operator node that can drop records, so {@code droppedRecords(Named)} can attach
   * a side output to it. Call it right after adding the node.
   *
   * @param operatorName the operator's name, as in {@code spec}
   * @param node the node whose processors report drops with {@code spec}
   * @param spec the operator's drop settings, one per node
   * @throws IllegalArgumentException if the names differ or the node or spec is already registered
   */
  void registerDropper(String operatorName, GraphNode node, DropSpec spec) {
    droppers.register(operatorName, node, spec);
  }

  /**
   * Attaches the dropped-records side output of an operator reading {@code input}.
   *
   * @param input the node whose output the operator reads
   * @param operatorName the operator's name
   * @param inputKind "stream", "table", ... for messages
   * @param keySerde the input's key serde, or {@code null} for the default
   * @param valueSerde the input's value serde, or {@code null} for the default
   * @return the node whose output is the dropped records, typed as {@code input}'s output
   * @throws io.sluice.processor.TopologyException if the operator is unknown, not declared yet,
   *     cannot drop, or does not read from {@code input}
   */
  <K, V> GraphNode droppedRecords(GraphNode input, String operatorName, String inputKind,
      Serde<K> keySerde, Serde<V> valueSerde) {
    return droppers.sideOutput(this, input, false, operatorName, inputKind, keySerde,
        valueSerde);
  }

  /**
   * Like {@link #droppedRecords}, counting also the drops of {@code input} itself: a grouped
   * table's selector node reports its drops typed as the grouped table.
   */
  <K, V> GraphNode droppedRecordsWithInput(GraphNode input, String operatorName,
      String inputKind, Serde<K> keySerde, Serde<V> valueSerde) {
    return droppers.sideOutput(this, input, true, operatorName, inputKind, keySerde,
        valueSerde);
  }

  /**
   * Optimizer: puts {@code replacement}, a node of the same name reading the same parents, in
   * {@code old}'s place in creation order, and moves {@code old}'s children and drop registrations
   * to it. {@code replacement} must not have been added.
   */
  void replaceNode(GraphNode old, GraphNode replacement) {
    nodes.set(nodes.indexOf(old), replacement);
    for (GraphNode child : List.copyOf(old.children())) {
      child.replaceParent(old, replacement);
    }
    replacement.takeChildPlaceOf(old);
    droppers.moveDroppers(old, replacement);
  }

  /** Optimizer: removes a node that no other node reads any more. */
  void removeNode(GraphNode node) {
    if (!node.children().isEmpty()) {
      throw new IllegalStateException("Cannot remove " + node + ": " + node.children()
          + " still read it");
    }
    node.unlinkFromParents();
    nodes.remove(node);
    names.remove(node.name());
  }

  /** @return the operators that can drop records */
  DropperRegistry droppers() {
    return droppers;
  }

  /** @return whether a node of that name was added */
  boolean hasNode(String name) {
    return names.contains(name);
  }

  /** @return the nodes in creation order */
  List<GraphNode> nodes() {
    return List.copyOf(nodes);
  }

  /**
   * Writes the graph into a new topology: stores first, then nodes in creation order.
   *
   * @return the topology
   * @throws TopologyException if the processor API rejects the result (e.g. a process() call
   *     names a store that was never added)
   */
  public Topology buildTopology() {
    return buildTopology(BuildContext.defaults());
  }

  /**
   * Writes the graph into a new topology with the application's settings, which decide what is
   * left open until build time (the type of DSL stores, {@code default.dsl.store}).
   *
   * @param context the build settings
   * @return the topology
   * @throws TopologyException if the processor API rejects the result
   */
  public Topology buildTopology(BuildContext context) {
    GraphOptimizer.optimize(this, context);
    Topology topology = new Topology();
    for (StoreBuilder<?> store : stores.values()) {
      topology.addStateStore(store);
    }
    for (GraphNode node : nodes) {
      node.writeTo(topology, context);
    }
    GraphOptimizer.afterWrite(this, topology, context);
    NamingCheck.check(topology, context);
    return topology;
  }
}
