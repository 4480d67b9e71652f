package io.sluice.dsl.internals;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * Declares source tables ({@code StreamsBuilder.table}) and stream-to-table conversions with
 * Kafka Streams' generated names: store {@code <topic>-STATE-STORE-<n>}, then source
 * {@code KSTREAM-SOURCE-<n>} and table source {@code KTABLE-SOURCE-<n>} (or, with a
 * {@code Consumed} name, {@code <name>-source} and the name itself).
 */
final class TableSources {
  private TableSources() {}

  static <K, V> KTable<K, V> table(InternalStreamsBuilder builder, String topic,
      Consumed<K, V> consumed, Materialized<K, V, ?> materialized) {
    MaterializedInternal<K, V> store = MaterializedInternal.of(materialized, builder, topic + "-")
        .withKeySerdeIfAbsent(consumed.keySerde()).withValueSerdeIfAbsent(consumed.valueSerde());
    Serde<K> keySerde = consumed.keySerde() != null ? consumed.keySerde() : store.keySerde();
    Serde<V> valueSerde =
        consumed.valueSerde() != null ? consumed.valueSerde() : store.valueSerde();
    String explicit = consumed.name();
    String sourceName =
        builder.name(KStreamImpl.SOURCE, explicit == null ? null : explicit + "-source");
    String tableName = builder.name(KTableImpl.SOURCE, explicit);
    GraphNode source = new SourceNode(sourceName, List.of(topic), null,
        consumed.withKeySerde(keySerde).withValueSerde(valueSerde));
    builder.add(source);
    return sourceTable(builder, source, tableName, store, keySerde, valueSerde);
  }

  /**
   * Adds a {@link KTableSource} reading {@code parent}.
   *
   * @param store the table's store: used if it has a user-given name or a reader needs it
   */
  static <K, V> KTable<K, V> sourceTable(InternalStreamsBuilder builder, GraphNode parent,
      String name, MaterializedInternal<K, V> store, Serde<K> keySerde, Serde<V> valueSerde) {
    DropSpec drops = new DropSpec(name);
    KTableSource<K, V> table =
        new KTableSource<>(store.storeName(), store.queryableStoreName() != null, drops);
    GraphNode node = new TableProcessorNode<>(name, List.of(parent), table, table, store);
    builder.add(node);
    builder.registerDropper(name, node, drops);
    return new KTableImpl<>(builder, node, table, keySerde, valueSerde,
        store.queryableStoreName());
  }
}
