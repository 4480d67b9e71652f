package io.sluice.dsl.internals;

import io.sluice.dsl.Aggregator;
import io.sluice.dsl.Initializer;
import io.sluice.dsl.KGroupedTable;
import io.sluice.dsl.KStream;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Reducer;
import io.sluice.state.KeyValueStore;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * A re-grouped table: the {@code KTABLE-SELECT} node that maps row updates to the new key, and the
 * {@code Grouped} name and serdes. Each aggregation adds, with Kafka Streams' names, the store
 * ({@code KTABLE-AGGREGATE-STATE-STORE-<n>} or {@code KTABLE-REDUCE-...}), the repartition sink and
 * source ({@code KSTREAM-SINK-<n>}, {@code KSTREAM-SOURCE-<n>}, or {@code <named>-sink} and
 * {@code <named>-source}), its processor, and the topic {@code <Grouped name or store
 * name>-repartition}.
 *
 * @param <K> grouping key type
 * @param <V> grouped value type
 */
final class KGroupedTableImpl<K, V> implements KGroupedTable<K, V> {
  private final InternalStreamsBuilder builder;
  private final GraphNode select;
  private final KTableRepartitionMap<?, ?, K, V> map;
  private final String groupedName;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private RepartitionNode<K, byte[]> sharedRepartition;

  KGroupedTableImpl(InternalStreamsBuilder builder, GraphNode select,
      KTableRepartitionMap<?, ?, K, V> map, String groupedName, Serde<K> keySerde,
      Serde<V> valueSerde) {
    this.builder = builder;
    this.select = select;
    this.map = map;
    this.groupedName = groupedName;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
  }

  @Override
  public KTable<K, Long> count() {
    return count(null, Materialized.with(keySerde, Serdes.Long()));
  }

  @Override
  public KTable<K, Long> count(Named named) {
    return count(named, Materialized.with(keySerde, Serdes.Long()));
  }

  @Override
  public KTable<K, Long> count(
      Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
    return count(null, materialized);
  }

  @Override
  public KTable<K, Long> count(Named named,
      Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
    KTableImpl.check(materialized, "count", "materialized");
    MaterializedInternal<K, Long> store =
        MaterializedInternal.of(materialized, builder, KTableImpl.AGGREGATE)
            .withKeySerdeIfAbsent(keySerde).withValueSerdeIfAbsent(Serdes.Long());
    return aggregate(KTableImpl.AGGREGATE, named, store, (key, change, oldAgg) -> {
      long count = oldAgg == null ? 0L : oldAgg;
      if (change.oldValue() != null && oldAgg != null) {
        count--;
      }
      if (change.newValue() != null) {
        count++;
      }
      return oldAgg == null && change.newValue() == null ? null : count;
    });
  }

  @Override
  public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor) {
    return reduce(adder, subtractor, null, Materialized.with(keySerde, valueSerde));
  }

  @Override
  public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    return reduce(adder, subtractor, null, materialized);
  }

  @Override
  public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor, Named named,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    KTableImpl.check(adder, "reduce", "adder");
    KTableImpl.check(subtractor, "reduce", "subtractor");
    KTableImpl.check(materialized, "reduce", "materialized");
    MaterializedInternal<K, V> store =
        MaterializedInternal.of(materialized, builder, KTableImpl.REDUCE)
            .withKeySerdeIfAbsent(keySerde).withValueSerdeIfAbsent(valueSerde);
    return aggregate(KTableImpl.REDUCE, named, store, (key, change, oldAgg) -> {
      V agg = oldAgg;
      if (change.oldValue() != null && oldAgg != null) {
        agg = subtractor.apply(oldAgg, change.oldValue());
      }
      if (change.newValue() != null) {
        agg = agg == null ? change.newValue() : adder.apply(agg, change.newValue());
      }
      return agg;
    });
  }

  @Override
  public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> adder,
      Aggregator<? super K, ? super V, VA> subtractor) {
    return aggregate(initializer, adder, subtractor, null, Materialized.with(keySerde, null));
  }

  @Override
  public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> adder, Aggregator<? super K, ? super V, VA> subtractor,
      Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized) {
    return aggregate(initializer, adder, subtractor, null, materialized);
  }

  @Override
  public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> adder, Aggregator<? super K, ? super V, VA> subtractor,
      Named named, Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized) {
    KTableImpl.check(initializer, "aggregate", "initializer");
    KTableImpl.check(adder, "aggregate", "adder");
    KTableImpl.check(subtractor, "aggregate", "subtractor");
    KTableImpl.check(materialized, "aggregate", "materialized");
    MaterializedInternal<K, VA> store =
        MaterializedInternal.of(materialized, builder, KTableImpl.AGGREGATE)
            .withKeySerdeIfAbsent(keySerde);
    return aggregate(KTableImpl.AGGREGATE, named, store, (key, change, oldAgg) -> {
      VA agg = oldAgg;
      if (change.oldValue() != null && oldAgg != null) {
        agg = subtractor.apply(key, change.oldValue(), oldAgg);
      }
      if (change.newValue() != null) {
        agg = adder.apply(key, change.newValue(), agg == null ? initializer.apply() : agg);
      }
      return agg;
    });
  }

  private <VA> KTable<K, VA> aggregate(String prefix, Named named,
      MaterializedInternal<K, VA> store, KTableAggregate.Step<K, V, VA> step) {
    String explicit = named == null ? null : named.name();
    String sinkName = builder.name(KStreamImpl.SINK, explicit == null ? null : explicit + "-sink");
    String sourceName =
        builder.name(KStreamImpl.SOURCE, explicit == null ? null : explicit + "-source");
    String name = builder.name(prefix, explicit);
    String topic = (groupedName != null ? groupedName : store.storeName())
        + RepartitionNode.SUFFIX;
    RepartitionNode<K, byte[]> repartition = sharedRepartition;
    if (repartition == null) {
      repartition = new RepartitionNode<>(sourceName, sinkName, select, topic, -1, keySerde,
          Serdes.ByteArray(), null);
      builder.add(repartition);
      map.topic(topic);
      if (groupedName != null) {
        sharedRepartition = repartition;
      }
    }
    KTableAggregate<K, V, VA> aggregate =
        new KTableAggregate<>(name, store.storeName(), valueSerde, step);
    aggregate.topic(repartition.topic());
    GraphNode node = new TableProcessorNode<>(name, List.of(repartition), aggregate, aggregate,
        store);
    builder.add(node);
    return new KTableImpl<>(builder, node, aggregate, store.keySerde(), store.valueSerde(),
        store.queryableStoreName());
  }

  @Override
  public KStream<K, V> droppedRecords(Named operator) {
    Objects.requireNonNull(operator, "droppedRecords: operator must not be null");
    GraphNode side =
        builder.droppedRecordsWithInput(select, operator.name(), "grouped table", keySerde,
            valueSerde);
    return new KStreamImpl<>(builder, side, keySerde, valueSerde);
  }
}
