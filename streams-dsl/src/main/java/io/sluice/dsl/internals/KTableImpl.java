package io.sluice.dsl.internals;

import io.sluice.dsl.Grouped;
import io.sluice.dsl.KGroupedTable;
import io.sluice.dsl.KStream;
import io.sluice.dsl.KTable;
import io.sluice.dsl.KeyValueMapper;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Predicate;
import io.sluice.dsl.ValueMapper;
import io.sluice.dsl.ValueMapperWithKey;
import io.sluice.serdes.internals.Change;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * A table as the output of one graph node whose processor forwards {@link Change}s, with the
 * serdes known for its keys and values ({@code null}: the defaults) and the {@link TableOperator}
 * that lets downstream operators read its rows and ask for old values.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class KTableImpl<K, V> extends KTableJoinMethods<K, V>
    implements KTable<K, V>, TableOperator<K, V> {
  static final String SOURCE = "KTABLE-SOURCE-";
  static final String FILTER = "KTABLE-FILTER-";
  static final String MAP_VALUES = "KTABLE-MAPVALUES-";
  static final String TO_STREAM = "KTABLE-TOSTREAM-";
  static final String SELECT = "KTABLE-SELECT-";
  static final String AGGREGATE = "KTABLE-AGGREGATE-";
  static final String REDUCE = "KTABLE-REDUCE-";

  private final InternalStreamsBuilder builder;
  private final GraphNode node;
  private final TableOperator<K, V> operator;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private final String queryableStoreName;
  private boolean sendOldValues;

  KTableImpl(InternalStreamsBuilder builder, GraphNode node, TableOperator<K, V> operator,
      Serde<K> keySerde, Serde<V> valueSerde, String queryableStoreName) {
    this.builder = builder;
    this.node = node;
    this.operator = operator;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.queryableStoreName = queryableStoreName;
  }

  /** @return the node whose output (table updates as {@link Change}s) this table is */
  public GraphNode node() {
    return node;
  }

  /** @return the graph this table belongs to */
  InternalStreamsBuilder builder() {
    return builder;
  }

  /** @return the operator behind this table */
  TableOperator<K, V> operator() {
    return operator;
  }

  /**
   * @return getters of this table's current rows; may materialize a source table, so call it
   *     while declaring the reading operator
   */
  public KTableValueGetterSupplier<K, V> valueGetterSupplier() {
    return operator.view();
  }

  /**
   * @return the getters of this table's rows; the same as {@link #valueGetterSupplier()}
   */
  @Override
  public KTableValueGetterSupplier<K, V> view() {
    return operator.view();
  }

  /** @return whether this table is kept in its own store (known once the graph is complete) */
  @Override
  public boolean materialized() {
    return operator.materialized();
  }

  /**
   * Makes this table's updates carry old values. Downstream table operators ask through this
   * method, so the table records that it sends them.
   *
   * @param forceMaterialization whether to materialize the table if that is what it takes
   * @return whether old values will be sent
   */
  @Override
  public boolean enableSendingOldValues(boolean forceMaterialization) {
    if (!sendOldValues) {
      sendOldValues = operator.enableSendingOldValues(forceMaterialization);
    }
    return sendOldValues;
  }

  /** @return whether this table's updates carry old values */
  public boolean sendingOldValues() {
    return sendOldValues;
  }

  @Override
  public String queryableStoreName() {
    return queryableStoreName;
  }

  @Override
  public KTable<K, V> suppress(io.sluice.dsl.Suppressed<? super K> suppressed) {
    return SuppressDeclaration.suppress(this,
        Objects.requireNonNull(suppressed, "suppress: suppressed"));
  }

  /** @return the key serde, or {@code null} for the default */
  public Serde<K> keySerde() {
    return keySerde;
  }

  /** @return the value serde, or {@code null} for the default */
  public Serde<V> valueSerde() {
    return valueSerde;
  }

  @Override
  public KTable<K, V> filter(Predicate<? super K, ? super V> predicate) {
    return doFilter(predicate, null, null, false);
  }

  @Override
  public KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named) {
    return doFilter(predicate, named, null, false);
  }

  @Override
  public KTable<K, V> filter(Predicate<? super K, ? super V> predicate,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    return filter(predicate, null, materialized);
  }

  @Override
  public KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    check(materialized, "filter", "materialized");
    return doFilter(predicate, named, materialized, false);
  }

  @Override
  public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate) {
    return doFilter(predicate, null, null, true);
  }

  @Override
  public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named) {
    return doFilter(predicate, named, null, true);
  }

  @Override
  public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    return filterNot(predicate, null, materialized);
  }

  @Override
  public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    check(materialized, "filterNot", "materialized");
    return doFilter(predicate, named, materialized, true);
  }

  private KTable<K, V> doFilter(Predicate<? super K, ? super V> predicate, Named named,
      Materialized<K, V, ?> materialized, boolean negate) {
    String operatorName = negate ? "filterNot" : "filter";
    check(predicate, operatorName, "predicate");
    MaterializedInternal<K, V> store = materialized == null ? null
        : MaterializedInternal.of(materialized, builder, FILTER)
            .withKeySerdeIfAbsent(keySerde).withValueSerdeIfAbsent(valueSerde);
    String name = builder.name(FILTER, named == null ? null : named.name());
    KTableFilter<K, V> filter = new KTableFilter<>(this, predicate, negate,
        store == null ? null : store.storeName());
    return table(name, filter, filter, store, keySerde,
        store == null ? valueSerde : store.valueSerde());
  }

  @Override
  public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper) {
    return mapValues(mapper, (Named) null);
  }

  @Override
  public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named) {
    check(mapper, "mapValues", "mapper");
    return doMapValues((key, value) -> mapper.apply(value), named, null);
  }

  @Override
  public <VR> KTable<K, VR> mapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper) {
    return doMapValues(mapper, null, null);
  }

  @Override
  public <VR> KTable<K, VR> mapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named) {
    return doMapValues(mapper, named, null);
  }

  @Override
  public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    check(mapper, "mapValues", "mapper");
    check(materialized, "mapValues", "materialized");
    return doMapValues((key, value) -> mapper.apply(value), null, materialized);
  }

  @Override
  public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    check(mapper, "mapValues", "mapper");
    check(materialized, "mapValues", "materialized");
    return doMapValues((key, value) -> mapper.apply(value), named, materialized);
  }

  @Override
  public <VR> KTable<K, VR> mapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    check(materialized, "mapValues", "materialized");
    return doMapValues(mapper, null, materialized);
  }

  @Override
  public <VR> KTable<K, VR> mapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    check(materialized, "mapValues", "materialized");
    return doMapValues(mapper, named, materialized);
  }

  private <VR> KTable<K, VR> doMapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named,
      Materialized<K, VR, ?> materialized) {
    check(mapper, "mapValues", "mapper");
    MaterializedInternal<K, VR> store = materialized == null ? null
        : MaterializedInternal.of(materialized, builder, MAP_VALUES)
            .withKeySerdeIfAbsent(keySerde);
    String name = builder.name(MAP_VALUES, named == null ? null : named.name());
    KTableMapValues<K, V, VR> map = new KTableMapValues<>(this, mapper,
        store == null ? null : store.storeName());
    return table(name, map, map, store, keySerde, store == null ? null : store.valueSerde());
  }

  @Override
  public KStream<K, V> toStream() {
    return toStream(null);
  }

  @Override
  public KStream<K, V> toStream(Named named) {
    String name = builder.name(TO_STREAM, named == null ? null : named.name());
    GraphNode child = new FixedKeyProcessorNode<>(name, List.of(node),
        new KStreamMapValues<K, Change<V>, V>((key, change) -> change.newValue()), List.of());
    builder.add(child);
    return new KStreamImpl<>(builder, child, keySerde, valueSerde);
  }

  @Override
  public KStream<K, V> droppedRecords(Named operator) {
    Objects.requireNonNull(operator, "droppedRecords: operator must not be null");
    GraphNode side =
        builder.droppedRecords(node, operator.name(), "table", keySerde, valueSerde);
    return new KStreamImpl<>(builder, side, keySerde, valueSerde);
  }

  @Override
  public <KR, VR> KGroupedTable<KR, VR> groupBy(
      KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector) {
    return groupBy(selector, Grouped.with(null, null));
  }

  @Override
  public <KR, VR> KGroupedTable<KR, VR> groupBy(
      KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector, Grouped<KR, VR> grouped) {
    check(selector, "groupBy", "selector");
    check(grouped, "groupBy", "grouped");
    String name = builder.name(SELECT, grouped.name());
    DropSpec drops = new DropSpec(name);
    KTableRepartitionMap<K, V, KR, VR> map =
        new KTableRepartitionMap<>(name, selector, grouped.valueSerdeOrNull(), drops);
    GraphNode select = new ProcessorNode<>(name, true, List.of(node), map, List.of());
    builder.add(select);
    builder.registerDropper(name, select, drops);
    enableSendingOldValues(true);
    return new KGroupedTableImpl<>(builder, select, map, grouped.name(),
        grouped.keySerdeOrNull(), grouped.valueSerdeOrNull());
  }

  /**
   * Adds a table operator reading this table and returns its table.
   *
   * @param store the result's store, or {@code null} if it has none
   */
  <KR, VR> KTable<KR, VR> table(String name,
      io.sluice.processor.ProcessorSupplier<K, Change<V>, KR, Change<VR>> supplier,
      TableOperator<KR, VR> op, MaterializedInternal<KR, VR> store, Serde<KR> newKeySerde,
      Serde<VR> newValueSerde) {
    GraphNode child = new TableProcessorNode<>(name, List.of(node), supplier, op, store);
    builder.add(child);
    return new KTableImpl<>(builder, child, op, newKeySerde, newValueSerde,
        store == null ? null : store.queryableStoreName());
  }

  static void check(Object argument, String operator, String what) {
    Objects.requireNonNull(argument, operator + ": " + what + " must not be null");
  }
}
