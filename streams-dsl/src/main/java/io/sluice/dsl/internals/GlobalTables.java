package io.sluice.dsl.internals;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.GlobalKTable;
import io.sluice.dsl.Materialized;
import io.sluice.processor.TimestampExtractor;
import io.sluice.processor.Topology;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

/**
 * Declares global tables with Kafka Streams' names: store {@code <topic>-STATE-STORE-<n>} (or the
 * {@code Materialized} name), source {@code KSTREAM-SOURCE-<n>} and processor {@code
 * KTABLE-SOURCE-<n>} (or, with a {@code Consumed} name, that name and {@code
 * <name>-table-source}). The store is a timestamped key-value store without changelog (the topic
 * is its changelog), cached as the {@code Materialized} says.
 */
final class GlobalTables {
  private GlobalTables() {}

  static <K, V> GlobalKTable<K, V> globalTable(InternalStreamsBuilder builder, String topic,
      Consumed<K, V> consumed, Materialized<K, V, ?> materialized) {
    MaterializedInternal<K, V> store = MaterializedInternal.of(materialized, builder, topic + "-")
        .withKeySerdeIfAbsent(consumed.keySerde()).withValueSerdeIfAbsent(consumed.valueSerde());
    Serde<K> keySerde = consumed.keySerde() != null ? consumed.keySerde() : store.keySerde();
    Serde<V> valueSerde =
        consumed.valueSerde() != null ? consumed.valueSerde() : store.valueSerde();
    String explicit = consumed.name();
    String sourceName = builder.name(KStreamImpl.SOURCE, explicit);
    String processorName = builder.name(KTableImpl.SOURCE,
        explicit == null ? null : explicit + "-table-source");
    builder.add(new Node<>(processorName, sourceName, topic, consumed, store, keySerde,
        valueSerde));
    return new GlobalKTableImpl<>(builder, store.storeName());
  }

  /** The global store with its source and processor; it has no parents and no children. */
  private static final class Node<K, V> extends GraphNode {
    private final String sourceName;
    private final String topic;
    private final Consumed<K, V> consumed;
    private final MaterializedInternal<K, V> store;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;

    Node(String name, String sourceName, String topic, Consumed<K, V> consumed,
        MaterializedInternal<K, V> store, Serde<K> keySerde, Serde<V> valueSerde) {
      super(name, false, List.of());
      this.sourceName = sourceName;
      this.topic = topic;
      this.consumed = consumed;
      this.store = store;
      this.keySerde = keySerde;
      this.valueSerde = valueSerde;
    }

    @Override
    void writeTo(Topology topology) {
      writeTo(topology, BuildContext.defaults());
    }

    @Override
    void writeTo(Topology topology, BuildContext context) {
      TimestampExtractor extractor = consumed.timestampExtractor();
      Deserializer<K> keys = keySerde == null ? null : keySerde.deserializer();
      Deserializer<V> values = valueSerde == null ? null : valueSerde.deserializer();
      topology.addGlobalStore(store.timestampedKeyValueStore(context).withLoggingDisabled(),
          sourceName, extractor, keys, values, topic, name(),
          new GlobalTableSource<K, V>(store.storeName(), new DropSpec(name())));
    }
  }
}
