package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Topology;
import java.util.List;

/**
 * A processor producing table updates, with the table's store added (and connected to it) when
 * the table turned out to be materialized once the graph was complete. The store builder is made
 * at that moment from the build settings ({@code default.dsl.store}).
 */
final class TableProcessorNode<KIn, VIn, K, V> extends GraphNode {
  private final ProcessorSupplier<KIn, VIn, K, ?> supplier;
  private final TableOperator<K, V> table;
  private final MaterializedInternal<K, V> store;

  /**
   * @param store the table's store, or {@code null} if it never has one
   */
  TableProcessorNode(String name, List<GraphNode> parents,
      ProcessorSupplier<KIn, VIn, K, ?> supplier, TableOperator<K, V> table,
      MaterializedInternal<K, V> store) {
    super(name, false, parents);
    this.supplier = supplier;
    this.table = table;
    this.store = store;
  }

  @Override
  void writeTo(Topology topology) {
    writeTo(topology, BuildContext.defaults());
  }

  @Override
  void writeTo(Topology topology, BuildContext context) {
    topology.addProcessor(name(), supplier, parentNames());
    if (store != null && table.materialized()) {
      topology.addStateStore(store.timestampedKeyValueStore(context), name());
    }
  }
}
