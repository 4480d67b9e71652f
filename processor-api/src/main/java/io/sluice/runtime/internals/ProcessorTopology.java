package io.sluice.runtime.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.TopologyException;
import io.sluice.state.StateStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One task's instance of a sub-topology: fresh processors from the suppliers and fresh stores from
 * the builders, wired as the topology says.
 */
final class ProcessorTopology {
  private final Map<String, ProcessorNode<?, ?, ?, ?>> nodes = new LinkedHashMap<>();
  private final Map<String, SourceNode> sources = new LinkedHashMap<>();
  private final Map<String, NodeDef.Source> sourceDefs = new LinkedHashMap<>();
  private final List<StateStore> stores = new ArrayList<>();
  private final List<String> flushOrder = new ArrayList<>();

  /**
   * Instantiates the nodes {@code defs} and the stores {@code storeNames}.
   *
   * @throws TopologyException if a supplier returns {@code null} or a serde is missing
   */
  ProcessorTopology(
      InternalTopologyBuilder builder, List<NodeDef> defs, Set<String> storeNames,
      TaskContext task) {
    EngineConfig config = task.config();
    for (NodeDef def : defs) {
      if (def instanceof NodeDef.Source source) {
        ProcessorNode<Object, Object, Object, Object> node =
            new ProcessorNode<>(source.name(), new SourceProcessor(), Set.of());
        nodes.put(source.name(), node);
        sourceDefs.put(source.name(), source);
        sources.put(source.name(), new SourceNode(source.name(), node,
            DefaultSerdes.deserializer(source.keyDeserializer(), config.defaultKeySerde(), "key",
                source.name()),
            DefaultSerdes.deserializer(source.valueDeserializer(), config.defaultValueSerde(),
                "value", source.name()),
            source.options().timestampExtractor() != null
                ? source.options().timestampExtractor()
                : config.defaultTimestampExtractor()));
      } else if (def instanceof NodeDef.Proc proc) {
        nodes.put(proc.name(), node(proc.name(), proc.supplier(), builder.storesOf(proc.name())));
      } else {
        nodes.put(def.name(), sinkNode((NodeDef.Sink<?, ?>) def, task));
      }
    }
    for (ProcessorNode<?, ?, ?, ?> node : nodes.values()) {
      for (String child : builder.childrenOf(node.name())) {
        node.addChild(nodes.get(child));
      }
    }
    for (String storeName : storeNames) {
      stores.add(builder.storeBuilder(storeName).build());
    }
    Set<String> ordered = new LinkedHashSet<>();
    for (String node : topologicalOrder(builder)) {
      ordered.addAll(builder.storesOf(node));
    }
    ordered.retainAll(storeNames);
    ordered.addAll(storeNames);
    flushOrder.addAll(ordered);
  }

  /** This topology's node names, every node after all of its parents (Kahn's algorithm). */
  private List<String> topologicalOrder(InternalTopologyBuilder builder) {
    Map<String, Integer> inDegree = new HashMap<>();
    nodes.keySet().forEach(n -> inDegree.put(n, 0));
    for (String node : nodes.keySet()) {
      for (String child : builder.childrenOf(node)) {
        inDegree.computeIfPresent(child, (c, d) -> d + 1);
      }
    }
    ArrayDeque<String> ready = new ArrayDeque<>();
    nodes.keySet().stream().filter(n -> inDegree.get(n) == 0).forEach(ready::add);
    List<String> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String node = ready.poll();
      order.add(node);
      for (String child : builder.childrenOf(node)) {
        Integer remaining = inDegree.computeIfPresent(child, (c, d) -> d - 1);
        if (remaining != null && remaining == 0) {
          ready.add(child);
        }
      }
    }
    return order;
  }

  /**
   * The names of this topology's stores in the order a commit flushes them: stores of upstream
   * processors before those of their descendants, so updates a cache flush forwards downstream
   * reach downstream caches before those are flushed.
   */
  List<String> flushOrder() {
    return flushOrder;
  }

  private static <KIn, VIn, KOut, VOut> ProcessorNode<KIn, VIn, KOut, VOut> node(
      String name, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier, Set<String> storeNames) {
    Processor<KIn, VIn, KOut, VOut> processor = supplier.get();
    if (processor == null) {
      throw new TopologyException("The supplier of processor '" + name + "' returned null;"
          + " get() must return a new processor on every call");
    }
    return new ProcessorNode<>(name, processor, storeNames);
  }

  private static <K, V> ProcessorNode<K, V, Void, Void> sinkNode(
      NodeDef.Sink<K, V> def, TaskContext task) {
    return new ProcessorNode<>(def.name(), new SinkProcessor<>(def, task), Set.of());
  }

  Collection<ProcessorNode<?, ?, ?, ?>> nodes() {
    return nodes.values();
  }

  List<StateStore> stores() {
    return stores;
  }

  /** The patterns of this topology's pattern sources. */
  List<String> patterns() {
    return sourceDefs.values().stream().filter(d -> d.pattern() != null)
        .map(d -> d.pattern().pattern()).toList();
  }

  /** The source reading {@code topic} (by name or pattern), or {@code null}. */
  SourceNode sourceFor(String topic) {
    for (NodeDef.Source def : sourceDefs.values()) {
      if (def.topics().contains(topic)
          || (def.pattern() != null && def.pattern().matcher(topic).matches())) {
        return sources.get(def.name());
      }
    }
    return null;
  }
}
