package io.sluice.dsl.internals;

import io.sluice.dsl.Grouped;
import io.sluice.dsl.KGroupedStream;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Repartitioned;
import org.apache.kafka.common.serialization.Serde;

/**
 * The stream operators that lead to tables or repartition: {@code groupByKey}/{@code groupBy},
 * {@code toTable} and {@code repartition}, with Kafka Streams' generated names.
 */
final class StreamTables {
  static final String TO_TABLE = "KSTREAM-TOTABLE-";
  static final String REPARTITION = "KSTREAM-REPARTITION-";

  private StreamTables() {}

  /**
   * @param keySerde the stream's key serde, used if {@code grouped} gives none
   * @param valueSerde the stream's value serde, used if {@code grouped} gives none
   */
  static <K, V> KGroupedStream<K, V> groupByKey(InternalStreamsBuilder builder, GraphNode node,
      Grouped<K, V> grouped, Serde<K> keySerde, Serde<V> valueSerde) {
    Serde<K> keys = grouped.keySerdeOrNull() != null ? grouped.keySerdeOrNull() : keySerde;
    Serde<V> values = grouped.valueSerdeOrNull() != null ? grouped.valueSerdeOrNull() : valueSerde;
    return new KGroupedStreamImpl<>(builder, node, grouped.name(), keys, values);
  }

  /**
   * {@code KStream.toTable}: processor {@code KSTREAM-TOTABLE-<n>}, store
   * {@code KSTREAM-TOTABLE-STATE-STORE-<n>}, and a repartition topic {@code <name>-repartition}
   * first if the key may have changed upstream.
   */
  static <K, V> KTable<K, V> toTable(InternalStreamsBuilder builder, GraphNode node, Named named,
      Materialized<K, V, ?> materialized, Serde<K> keySerde, Serde<V> valueSerde) {
    String name = builder.name(TO_TABLE, named == null ? null : named.name());
    MaterializedInternal<K, V> store = MaterializedInternal.of(materialized, builder, TO_TABLE)
        .withKeySerdeIfAbsent(keySerde).withValueSerdeIfAbsent(valueSerde);
    GraphNode parent = node.repartitionRequired()
        ? Repartitions.forOperator(builder, node, name, name, store.keySerde(), store.valueSerde())
        : node;
    return TableSources.sourceTable(builder, parent, name, store, store.keySerde(),
        store.valueSerde());
  }

  /**
   * {@code KStream.repartition}: topic {@code <name or KSTREAM-REPARTITION-<n>>-repartition}.
   *
   * @return the source reading the topic
   */
  static <K, V> GraphNode repartition(InternalStreamsBuilder builder, GraphNode node,
      Repartitioned<K, V> repartitioned, Serde<K> keySerde, Serde<V> valueSerde) {
    String name = repartitioned.name() != null ? repartitioned.name()
        : builder.newName(REPARTITION);
    return Repartitions.plain(builder, node, name, repartitioned.partitions(), keySerde,
        valueSerde, repartitioned.partitioner());
  }
}
