package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Topology;
import io.sluice.state.StoreBuilder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A join processor that reads other tables through value getters, whose store names are asked
 * only when the topology is written (a table read by the join may get its store later), and that
 * may own stores built from the build settings (a foreign-key join's subscription store) or use
 * stores another join node owns.
 */
final class JoinProcessorNode<KIn, VIn, KOut, VOut> extends GraphNode {
  private final ProcessorSupplier<KIn, VIn, KOut, VOut> supplier;
  private final List<KTableValueGetterSupplier<?, ?>> reads;
  private final List<Function<BuildContext, StoreBuilder<?>>> ownedStores;
  private final List<String> sharedStores;

  /**
   * @param reads the getters the processor uses; it is connected to their stores
   * @param ownedStores builders of the stores this node adds
   * @param sharedStores names of stores added by an earlier node that this one uses too
   */
  JoinProcessorNode(String name, List<GraphNode> parents,
      ProcessorSupplier<KIn, VIn, KOut, VOut> supplier, List<KTableValueGetterSupplier<?, ?>> reads,
      List<Function<BuildContext, StoreBuilder<?>>> ownedStores, List<String> sharedStores) {
    super(name, false, parents);
    this.supplier = supplier;
    this.reads = List.copyOf(reads);
    this.ownedStores = List.copyOf(ownedStores);
    this.sharedStores = List.copyOf(sharedStores);
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
    Set<String> connected = new LinkedHashSet<>(sharedStores);
    for (KTableValueGetterSupplier<?, ?> read : reads) {
      connected.addAll(List.of(read.storeNames()));
    }
    if (!connected.isEmpty()) {
      topology.connectProcessorAndStateStores(name(), connected.toArray(String[]::new));
    }
  }
}
