package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Topology;
import java.util.List;

/**
 * The processor of a stream-table join, connected to the stores the table's value getters read;
 * their names are asked only when the topology is written, since the table may be materialized
 * by a later operator.
 */
final class StreamTableJoinNode<K, V, VR> extends GraphNode {
  private final ProcessorSupplier<K, V, K, VR> supplier;
  private final KTableValueGetterSupplier<?, ?> table;

  /**
   * @param name the processor name
   * @param parent the stream's node (or its repartition source)
   * @param supplier the join processor
   * @param table the table's value getters, whose stores the processor reads; {@code null} for a
   *     global table, whose store every processor can read unconnected
   */
  StreamTableJoinNode(String name, GraphNode parent, ProcessorSupplier<K, V, K, VR> supplier,
      KTableValueGetterSupplier<?, ?> table) {
    super(name, false, List.of(parent));
    this.supplier = supplier;
    this.table = table;
  }

  @Override
  void writeTo(Topology topology) {
    topology.addProcessor(name(), supplier, parentNames());
    if (table != null && table.storeNames().length > 0) {
      topology.connectProcessorAndStateStores(name(), table.storeNames());
    }
  }
}
