package io.sluice.dsl.internals;

import io.sluice.processor.FixedKeyProcessorSupplier;
import io.sluice.processor.Topology;
import java.util.List;

/** A processor that keeps every record's key, optionally connected to state stores by name. */
final class FixedKeyProcessorNode<K, VIn, VOut> extends GraphNode {
  private final FixedKeyProcessorSupplier<K, VIn, VOut> supplier;
  private final List<String> storeNames;

  FixedKeyProcessorNode(String name, List<GraphNode> parents,
      FixedKeyProcessorSupplier<K, VIn, VOut> supplier, List<String> storeNames) {
    super(name, false, parents);
    this.supplier = supplier;
    this.storeNames = List.copyOf(storeNames);
  }

  @Override
  void writeTo(Topology topology) {
    topology.addFixedKeyProcessor(name(), supplier, parentNames());
    if (!storeNames.isEmpty()) {
      topology.connectProcessorAndStateStores(name(), storeNames.toArray(String[]::new));
    }
  }
}
