package io.sluice.dsl.internals;

import io.sluice.dsl.Aggregator;
import io.sluice.dsl.Initializer;
import io.sluice.dsl.KGroupedStream;
import io.sluice.dsl.KStream;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Reducer;
import io.sluice.serdes.internals.Change;
import io.sluice.state.KeyValueStore;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * A grouped stream: the node it reads, whether a key change upstream needs a repartition before
 * aggregating, the {@code Grouped} name (which names that repartition topic) and the serdes.
 * Aggregations are named as in Kafka Streams: store {@code KSTREAM-AGGREGATE-STATE-STORE-<n>}
 * (reduce: {@code KSTREAM-REDUCE-...}), then processor {@code KSTREAM-AGGREGATE-<n>}, then the
 * repartition topic {@code <Grouped name or store name>-repartition}.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class KGroupedStreamImpl<K, V> implements KGroupedStream<K, V>, GroupedInput<K, V> {
  static final String AGGREGATE = "KSTREAM-AGGREGATE-";
  static final String REDUCE = "KSTREAM-REDUCE-";

  private final InternalStreamsBuilder builder;
  private final GraphNode node;
  private final String groupedName;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private GraphNode sharedRepartition;

  /**
   * @param groupedName the {@code Grouped} name, or {@code null}
   * @param keySerde the key serde, or {@code null} for the default
   * @param valueSerde the value serde, or {@code null} for the default
   */
  KGroupedStreamImpl(InternalStreamsBuilder builder, GraphNode node, String groupedName,
      Serde<K> keySerde, Serde<V> valueSerde) {
    this.builder = builder;
    this.node = node;
    this.groupedName = groupedName;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
  }

  @Override
  public InternalStreamsBuilder builder() {
    return builder;
  }

  @Override
  public Serde<K> keySerde() {
    return keySerde;
  }

  @Override
  public Serde<V> valueSerde() {
    return valueSerde;
  }

  /** @return the node this grouped stream reads, before any repartition */
  GraphNode node() {
    return node;
  }

  @Override
  public GraphNode input(String operatorName) {
    return input(operatorName, operatorName);
  }

  /**
   * The node an aggregation reads: this stream's node, or, when the key changed upstream, the
   * source of a repartition topic {@code <Grouped name or prefix>-repartition}. With a
   * {@code Grouped} name, every aggregation of this grouped stream shares one topic (each still
   * takes the three counter values of a repartition's names, as in Kafka Streams).
   *
   * @param prefix the topic prefix when there is no {@code Grouped} name (the store name)
   * @param operatorName the aggregation, which reports records with null keys
   * @return the node to read
   */
  GraphNode input(String prefix, String operatorName) {
    if (!node.repartitionRequired()) {
      return node;
    }
    if (groupedName == null) {
      return Repartitions.forOperator(builder, node, prefix, operatorName, keySerde, valueSerde);
    }
    if (sharedRepartition == null) {
      sharedRepartition = Repartitions.forOperator(builder, node, groupedName, operatorName,
          keySerde, valueSerde);
    } else {
      Repartitions.skipNames(builder);
    }
    return sharedRepartition;
  }

  @Override
  public io.sluice.dsl.TimeWindowedKStream<K, V> windowedBy(io.sluice.dsl.TimeWindows windows) {
    return new TimeWindowedKStreamImpl<>(this, windows,
        io.sluice.dsl.EmitStrategy.onWindowUpdate());
  }

  @Override
  public io.sluice.dsl.SessionWindowedKStream<K, V> windowedBy(
      io.sluice.dsl.SessionWindows windows) {
    return new SessionWindowedKStreamImpl<>(this, windows,
        io.sluice.dsl.EmitStrategy.onWindowUpdate());
  }

  @Override
  public io.sluice.dsl.TimeWindowedKStream<K, V> windowedBy(
      io.sluice.dsl.SlidingWindows windows) {
    return new TimeWindowedKStreamImpl<>(this, windows,
        io.sluice.dsl.EmitStrategy.onWindowUpdate());
  }

  @Override
  public <VOut> io.sluice.dsl.CogroupedKStream<K, VOut> cogroup(
      Aggregator<? super K, ? super V, VOut> aggregator) {
    return new CogroupedKStreamImpl<>(this, aggregator);
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
    MaterializedInternal<K, Long> store = MaterializedInternal.of(materialized, builder, AGGREGATE)
        .withKeySerdeIfAbsent(keySerde).withValueSerdeIfAbsent(Serdes.Long());
    return aggregate(AGGREGATE, named, store,
        (name, drops) -> new KStreamAggregate<K, V, Long>(store.storeName(), () -> 0L,
            (key, value, count) -> count + 1, drops));
  }

  @Override
  public KTable<K, V> reduce(Reducer<V> reducer) {
    return reduce(reducer, null, Materialized.with(keySerde, valueSerde));
  }

  @Override
  public KTable<K, V> reduce(Reducer<V> reducer,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    return reduce(reducer, null, materialized);
  }

  @Override
  public KTable<K, V> reduce(Reducer<V> reducer, Named named,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    KTableImpl.check(reducer, "reduce", "reducer");
    KTableImpl.check(materialized, "reduce", "materialized");
    MaterializedInternal<K, V> store = MaterializedInternal.of(materialized, builder, REDUCE)
        .withKeySerdeIfAbsent(keySerde).withValueSerdeIfAbsent(valueSerde);
    return aggregate(REDUCE, named, store,
        (name, drops) -> new KStreamReduce<>(store.storeName(), reducer, drops));
  }

  @Override
  public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator) {
    return aggregate(initializer, aggregator, null, Materialized.with(keySerde, null));
  }

  @Override
  public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator,
      Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized) {
    return aggregate(initializer, aggregator, null, materialized);
  }

  @Override
  public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Named named,
      Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized) {
    KTableImpl.check(initializer, "aggregate", "initializer");
    KTableImpl.check(aggregator, "aggregate", "aggregator");
    KTableImpl.check(materialized, "aggregate", "materialized");
    MaterializedInternal<K, VA> store = MaterializedInternal.of(materialized, builder, AGGREGATE)
        .withKeySerdeIfAbsent(keySerde);
    return aggregate(AGGREGATE, named, store,
        (name, drops) -> new KStreamAggregate<>(store.storeName(), initializer, aggregator,
            drops));
  }

  /** Creates the aggregation processor for a name and drop settings. */
  private interface AggregateFactory<K, V, VA, P extends io.sluice.processor.ProcessorSupplier<
      K, V, K, Change<VA>> & TableOperator<K, VA>> {
    P create(String name, DropSpec drops);
  }

  private <VA, P extends io.sluice.processor.ProcessorSupplier<K, V, K, Change<VA>>
      & TableOperator<K, VA>> KTable<K, VA> aggregate(String prefix, Named named,
      MaterializedInternal<K, VA> store, AggregateFactory<K, V, VA, P> factory) {
    String name = builder.name(prefix, named == null ? null : named.name());
    GraphNode input = input(store.storeName(), name);
    DropSpec drops = new DropSpec(name);
    P supplier = factory.create(name, drops);
    GraphNode aggregate = new TableProcessorNode<>(name, List.of(input), supplier, supplier,
        store);
    builder.add(aggregate);
    builder.registerDropper(name, aggregate, drops);
    return new KTableImpl<>(builder, aggregate, supplier, store.keySerde(), store.valueSerde(),
        store.queryableStoreName());
  }

  @Override
  public KStream<K, V> droppedRecords(Named operator) {
    Objects.requireNonNull(operator, "droppedRecords: operator must not be null");
    GraphNode side =
        builder.droppedRecords(node, operator.name(), "grouped stream", keySerde, valueSerde);
    return new KStreamImpl<>(builder, side, keySerde, valueSerde);
  }
}
