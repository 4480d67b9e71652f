package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Topology;
import java.util.List;

/** A processor that may change keys, optionally connected to state stores by name. */
final class ProcessorNode<KIn, VIn, KOut, VOut> extends GraphNode {
  private final ProcessorSupplier<KIn, VIn, KOut, VOut> supplier;
  private final List<String> storeNames;

  ProcessorNode(String name, boolean changesKey, List<GraphNode> parents,
      ProcessorSupplier<KIn, VIn, KOut, VOut> supplier, List<String> storeNames) {
    super(name, changesKey, parents);
    this.supplier = supplier;
    this.storeNames = List.copyOf(storeNames);
  }

  @Override
  void writeTo(Topology topology) {
    topology.addProcessor(name(), supplier, parentNames());
    if (!storeNames.isEmpty()) {
      topology.connectProcessorAndStateStores(name(), storeNames.toArray(String[]::new));
    }
  }
}
