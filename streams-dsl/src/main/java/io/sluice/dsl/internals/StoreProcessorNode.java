package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Topology;
import io.sluice.state.StoreBuilder;
import java.util.List;
import java.util.function.Function;

/**
 * A processor that owns state stores whose builders are made only when the topology is written
 * (so the build settings choose the store type), and that may connect to stores other nodes own
 * (the shared store of a cogrouped aggregation). Windowed aggregations and suppression use it.
 */
final class StoreProcessorNode<KIn, VIn, KOut, VOut> extends GraphNode {
  private final ProcessorSupplier<KIn, VIn, KOut, VOut> supplier;
  private final List<Function<BuildContext, StoreBuilder<?>>> ownedStores;
  private final List<String> connectedStores;
  private final long windowGraceMs;
  private final long windowSizeMs;

  /**
   * @param name the processor name
   * @param parents the nodes it reads from
   * @param supplier the processor
   * @param ownedStores builders of the stores this node adds, given the build settings
   * @param connectedStores names of stores added by other nodes that it uses
   * @param windowGraceMs for a windowed aggregation, the time after a window's end (in the key's
   *     window) until it closes, for a downstream {@code untilWindowCloses}; -1 otherwise
   * @param windowSizeMs for a time-windowed aggregation, the window size; -1 for sessions or
   *     another node
   */
  StoreProcessorNode(String name, List<GraphNode> parents,
      ProcessorSupplier<KIn, VIn, KOut, VOut> supplier,
      List<Function<BuildContext, StoreBuilder<?>>> ownedStores, List<String> connectedStores,
      long windowGraceMs, long windowSizeMs) {
    super(name, false, parents);
    this.supplier = supplier;
    this.ownedStores = List.copyOf(ownedStores);
    this.connectedStores = List.copyOf(connectedStores);
    this.windowGraceMs = windowGraceMs;
    this.windowSizeMs = windowSizeMs;
  }

  /** @return the processor supplier */
  ProcessorSupplier<KIn, VIn, KOut, VOut> supplier() {
    return supplier;
  }

  /** @return the grace after a window's end of a windowed aggregation, or -1 */
  long windowGraceMs() {
    return windowGraceMs;
  }

  /** @return the window size of a time-windowed aggregation, or -1 */
  long windowSizeMs() {
    return windowSizeMs;
  }

  @Override
  void writeTo(Topology topology) {
    writeTo(topology, BuildContext.defaults());
  }

  @Override
  void writeTo(Topology topology, BuildContext context) {
    topology.addProcessor(name(), supplier, parentNames());
    for (Function<BuildContext, StoreBuilder<?>> store : ownedStores) {
      topology.addStateStore(store.apply(context), name());
    }
    if (!connectedStores.isEmpty()) {
      topology.connectProcessorAndStateStores(name(), connectedStores.toArray(String[]::new));
    }
  }
}
