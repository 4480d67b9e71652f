package io.sluice.dsl.internals;

import io.sluice.dsl.BranchedKStream;
import io.sluice.dsl.Deduplicated;
import io.sluice.dsl.ForeachAction;
import io.sluice.dsl.GlobalKTable;
import io.sluice.dsl.Grouped;
import io.sluice.dsl.JoinWindows;
import io.sluice.dsl.Joined;
import io.sluice.dsl.KGroupedStream;
import io.sluice.dsl.KStream;
import io.sluice.dsl.KTable;
import io.sluice.dsl.KeyValueMapper;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Predicate;
import io.sluice.dsl.Produced;
import io.sluice.dsl.Repartitioned;
import io.sluice.dsl.StreamJoined;
import io.sluice.dsl.ValueJoinerWithKey;
import io.sluice.dsl.ValueMapper;
import io.sluice.dsl.ValueMapperWithKey;
import io.sluice.processor.FixedKeyProcessorSupplier;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.TopicNameExtractor;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * A stream as the output of one graph node, with the serdes known for its keys and values
 * ({@code null} when an operator changed them): sinks and later stateful operators inherit them.
 */
final class KStreamImpl<K, V> implements KStream<K, V> {
  static final String SOURCE = "KSTREAM-SOURCE-";
  static final String SINK = "KSTREAM-SINK-";
  static final String FILTER = "KSTREAM-FILTER-";
  static final String MAP = "KSTREAM-MAP-";
  static final String MAP_VALUES = "KSTREAM-MAPVALUES-";
  static final String FLAT_MAP = "KSTREAM-FLATMAP-";
  static final String FLAT_MAP_VALUES = "KSTREAM-FLATMAPVALUES-";
  static final String KEY_SELECT = "KSTREAM-KEY-SELECT-";
  static final String PEEK = "KSTREAM-PEEK-";
  static final String FOREACH = "KSTREAM-FOREACH-";
  static final String BRANCH = "KSTREAM-BRANCH-";
  static final String BRANCH_CHILD = "KSTREAM-BRANCHCHILD-";
  static final String MERGE = "KSTREAM-MERGE-";
  static final String PROCESSOR = "KSTREAM-PROCESSOR-";
  static final String PROCESS_VALUES = "KSTREAM-PROCESSVALUES-";

  private final InternalStreamsBuilder builder;
  private final GraphNode node;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;

  KStreamImpl(InternalStreamsBuilder builder, GraphNode node, Serde<K> keySerde,
      Serde<V> valueSerde) {
    this.builder = builder;
    this.node = node;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
  }

  /** @return the node whose output this stream is */
  GraphNode node() {
    return node;
  }

  /** @return whether a key-based stateful operator on this stream must repartition first */
  boolean repartitionRequired() {
    return node.repartitionRequired();
  }

  /** @return the graph this stream belongs to */
  InternalStreamsBuilder builder() {
    return builder;
  }

  /** @return the key serde known for this stream, or {@code null} */
  Serde<K> keySerde() {
    return keySerde;
  }

  /** @return the value serde known for this stream, or {@code null} */
  Serde<V> valueSerde() {
    return valueSerde;
  }

  @Override
  public <VO, VR> KStream<K, VR> join(KStream<K, VO> other,
      ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows, StreamJoined<K, V, VO> streamJoined) {
    return StreamStreamJoinBuilder.join(this, other, joiner, windows, streamJoined,
        StreamStreamJoinBuilder.Kind.INNER);
  }

  @Override
  public <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other,
      ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows, StreamJoined<K, V, VO> streamJoined) {
    return StreamStreamJoinBuilder.join(this, other, joiner, windows, streamJoined,
        StreamStreamJoinBuilder.Kind.LEFT);
  }

  @Override
  public <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other,
      ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows, StreamJoined<K, V, VO> streamJoined) {
    return StreamStreamJoinBuilder.join(this, other, joiner, windows, streamJoined,
        StreamStreamJoinBuilder.Kind.OUTER);
  }

  @Override
  public <VT, VR> KStream<K, VR> join(KTable<K, VT> table,
      ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner,
      Joined<K, V, VT> joined) {
    return StreamTableJoinBuilder.join(this, table, joiner, joined, false);
  }

  @Override
  public <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table,
      ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner,
      Joined<K, V, VT> joined) {
    return StreamTableJoinBuilder.join(this, table, joiner, joined, true);
  }

  @Override
  public <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner, Named named) {
    return StreamTableJoinBuilder.join(this, table, keySelector, joiner, named, false);
  }

  @Override
  public <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner, Named named) {
    return StreamTableJoinBuilder.join(this, table, keySelector, joiner, named, true);
  }

  @Override
  public KStream<K, V> filter(Predicate<? super K, ? super V> predicate) {
    return filter(predicate, null);
  }

  @Override
  public KStream<K, V> filter(Predicate<? super K, ? super V> predicate, Named named) {
    check(predicate, "filter", "predicate");
    return fixedKey(FILTER, named, new KStreamFilter<>(predicate, false), valueSerde);
  }

  @Override
  public KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate) {
    return filterNot(predicate, null);
  }

  @Override
  public KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named) {
    check(predicate, "filterNot", "predicate");
    return fixedKey(FILTER, named, new KStreamFilter<>(predicate, true), valueSerde);
  }

  @Override
  public <KR, VR> KStream<KR, VR> map(
      KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper) {
    return map(mapper, null);
  }

  @Override
  public <KR, VR> KStream<KR, VR> map(
      KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper,
      Named named) {
    check(mapper, "map", "mapper");
    String name = name(MAP, named);
    return keyChanging(name, new KStreamMap<>(name, mapper), null, null);
  }

  @Override
  public <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper) {
    return mapValues(mapper, null);
  }

  @Override
  public <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named) {
    check(mapper, "mapValues", "mapper");
    return mapValues((ValueMapperWithKey<K, V, VR>) (key, value) -> mapper.apply(value), named);
  }

  @Override
  public <VR> KStream<K, VR> mapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper) {
    return mapValues(mapper, null);
  }

  @Override
  public <VR> KStream<K, VR> mapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named) {
    check(mapper, "mapValues", "mapper");
    return fixedKey(MAP_VALUES, named, new KStreamMapValues<K, V, VR>(mapper), null);
  }

  @Override
  public <KR, VR> KStream<KR, VR> flatMap(KeyValueMapper<? super K, ? super V,
      ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper) {
    return flatMap(mapper, null);
  }

  @Override
  public <KR, VR> KStream<KR, VR> flatMap(KeyValueMapper<? super K, ? super V,
      ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper, Named named) {
    check(mapper, "flatMap", "mapper");
    String name = name(FLAT_MAP, named);
    return keyChanging(name, new KStreamFlatMap<>(name, mapper), null, null);
  }

  @Override
  public <VR> KStream<K, VR> flatMapValues(
      ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper) {
    return flatMapValues(mapper, null);
  }

  @Override
  public <VR> KStream<K, VR> flatMapValues(
      ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper, Named named) {
    check(mapper, "flatMapValues", "mapper");
    return flatMapValues(
        (ValueMapperWithKey<K, V, Iterable<? extends VR>>) (key, value) -> mapper.apply(value),
        named);
  }

  @Override
  public <VR> KStream<K, VR> flatMapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper) {
    return flatMapValues(mapper, null);
  }

  @Override
  public <VR> KStream<K, VR> flatMapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper,
      Named named) {
    check(mapper, "flatMapValues", "mapper");
    String name = name(FLAT_MAP_VALUES, named);
    return fixedKeyNamed(name, new KStreamFlatMapValues<K, V, VR>(name, mapper), null);
  }

  @Override
  public <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper) {
    return selectKey(mapper, null);
  }

  @Override
  public <KR> KStream<KR, V> selectKey(
      KeyValueMapper<? super K, ? super V, ? extends KR> mapper, Named named) {
    check(mapper, "selectKey", "mapper");
    String name = name(KEY_SELECT, named);
    KeyValueMapper<K, V, KeyValue<KR, V>> pair =
        (key, value) -> KeyValue.pair(mapper.apply(key, value), value);
    return keyChanging(name, new KStreamMap<>(name, pair), null, valueSerde);
  }

  @Override
  public KStream<K, V> peek(ForeachAction<? super K, ? super V> action) {
    return peek(action, null);
  }

  @Override
  public KStream<K, V> peek(ForeachAction<? super K, ? super V> action, Named named) {
    check(action, "peek", "action");
    return fixedKey(PEEK, named, new KStreamPeek<>(action, true), valueSerde);
  }

  @Override
  public void foreach(ForeachAction<? super K, ? super V> action) {
    foreach(action, null);
  }

  @Override
  public void foreach(ForeachAction<? super K, ? super V> action, Named named) {
    check(action, "foreach", "action");
    fixedKey(FOREACH, named, new KStreamPeek<>(action, false), valueSerde);
  }

  @Override
  public BranchedKStream<K, V> split() {
    return split(null);
  }

  @Override
  public BranchedKStream<K, V> split(Named named) {
    return new BranchedKStreamImpl<>(this, name(BRANCH, named));
  }

  @Override
  public KStream<K, V> merge(KStream<K, V> other) {
    return merge(other, null);
  }

  @Override
  public KStream<K, V> merge(KStream<K, V> other, Named named) {
    check(other, "merge", "other stream");
    if (!(other instanceof KStreamImpl<K, V> that) || that.builder != builder) {
      throw new IllegalArgumentException("merge: the other stream comes from another"
          + " StreamsBuilder; merge only streams of the same builder");
    }
    GraphNode merge = new FixedKeyProcessorNode<>(name(MERGE, named), List.of(node, that.node),
        new KStreamPassThrough<K, V>(), List.of());
    builder.add(merge);
    return new KStreamImpl<>(builder, merge, null, null);
  }

  @Override
  public void to(String topic) {
    to(topic, Produced.defaults());
  }

  @Override
  public void to(String topic, Produced<K, V> produced) {
    check(topic, "to", "topic");
    sink(topic, null, produced);
  }

  @Override
  public void to(TopicNameExtractor<K, V> extractor) {
    to(extractor, Produced.defaults());
  }

  @Override
  public void to(TopicNameExtractor<K, V> extractor, Produced<K, V> produced) {
    check(extractor, "to", "topic-name extractor");
    sink(null, extractor, produced);
  }

  @Override
  public <KOut, VOut> KStream<KOut, VOut> process(
      ProcessorSupplier<? super K, ? super V, KOut, VOut> supplier, Named named,
      String... storeNames) {
    check(supplier, "process", "supplier");
    check(storeNames, "process", "storeNames");
    GraphNode process = new ProcessorNode<>(processName(PROCESSOR, named), true, List.of(node),
        supplier, List.of(storeNames));
    builder.add(process);
    return new KStreamImpl<>(builder, process, null, null);
  }

  @Override
  public <VOut> KStream<K, VOut> processValues(
      FixedKeyProcessorSupplier<? super K, ? super V, VOut> supplier, Named named,
      String... storeNames) {
    check(supplier, "processValues", "supplier");
    check(storeNames, "processValues", "storeNames");
    GraphNode process = new FixedKeyProcessorNode<>(processName(PROCESS_VALUES, named),
        List.of(node),
        supplier, List.of(storeNames));
    builder.add(process);
    return new KStreamImpl<>(builder, process, keySerde, null);
  }

  @Override
  public KStream<K, V> droppedRecords(Named operator) {
    check(operator, "droppedRecords", "operator");
    GraphNode side =
        builder.droppedRecords(node, operator.name(), "stream", keySerde, valueSerde);
    return new KStreamImpl<>(builder, side, keySerde, valueSerde);
  }

  @Override
  public KStream<K, V> deduplicate(Duration within) {
    return deduplicate(within, Deduplicated.defaults());
  }

  @Override
  public KStream<K, V> deduplicate(Duration within, Deduplicated<K> deduplicated) {
    check(deduplicated, "deduplicate", "deduplicated");
    return Deduplication.byKey(builder, node, keySerde, valueSerde, within, deduplicated);
  }

  @Override
  public <ID> KStream<K, V> deduplicate(
      KeyValueMapper<? super K, ? super V, ? extends ID> idSelector, Duration within,
      Deduplicated<ID> deduplicated) {
    check(idSelector, "deduplicate", "idSelector");
    check(deduplicated, "deduplicate", "deduplicated");
    return Deduplication.byId(builder, node, keySerde, valueSerde, idSelector, within,
        deduplicated);
  }

  /**
   * Adds a pass-through child of {@code parent} named {@code name}: one split branch. A branch
   * takes a counter value it does not use in its name, as in Kafka Streams, so that later
   * generated names match Kafka Streams' numbering.
   */
  KStreamImpl<K, V> branchChild(GraphNode parent, String name) {
    builder.newName(BRANCH_CHILD);
    GraphNode child = new FixedKeyProcessorNode<>(name, List.of(parent),
        new KStreamPassThrough<K, V>(), List.of());
    builder.add(child);
    return new KStreamImpl<>(builder, child, keySerde, valueSerde);
  }

  /** Adds a node reading this stream to the graph: the split processor of {@link #split}. */
  void addNode(GraphNode graphNode) {
    builder.add(graphNode);
  }

  private void sink(String topic, TopicNameExtractor<K, V> extractor, Produced<K, V> produced) {
    check(produced, "to", "produced");
    String name = builder.name(SINK, produced.name());
    Serde<K> keys = produced.keySerde() != null ? produced.keySerde() : keySerde;
    Serde<V> values = produced.valueSerde() != null ? produced.valueSerde() : valueSerde;
    builder.add(new SinkNode<>(name, node, topic, extractor, keys, values,
        produced.streamPartitioner()));
  }

  private <VR> KStream<K, VR> fixedKey(String prefix, Named named,
      FixedKeyProcessorSupplier<K, V, VR> supplier, Serde<VR> newValueSerde) {
    return fixedKeyNamed(name(prefix, named), supplier, newValueSerde);
  }

  private <VR> KStream<K, VR> fixedKeyNamed(String name,
      FixedKeyProcessorSupplier<K, V, VR> supplier, Serde<VR> newValueSerde) {
    GraphNode child = new FixedKeyProcessorNode<>(name, List.of(node), supplier, List.of());
    builder.add(child);
    return new KStreamImpl<>(builder, child, keySerde, newValueSerde);
  }

  private <KR, VR> KStream<KR, VR> keyChanging(String name,
      ProcessorSupplier<K, V, KR, VR> supplier, Serde<KR> newKeySerde, Serde<VR> newValueSerde) {
    GraphNode child = new ProcessorNode<>(name, true, List.of(node), supplier, List.of());
    builder.add(child);
    return new KStreamImpl<>(builder, child, newKeySerde, newValueSerde);
  }

  private String name(String prefix, Named named) {
    return builder.name(prefix, named == null ? null : named.name());
  }

  /**
   * Names a process/processValues node. Unlike the other operators (see
   * {@link InternalStreamsBuilder#name}), an explicit name leaves the counter alone, as in Kafka
   * Streams, so generated names after it match Kafka Streams' too.
   */
  private String processName(String prefix, Named named) {
    return named != null ? named.name() : builder.newName(prefix);
  }

  private static void check(Object argument, String operator, String what) {
    Objects.requireNonNull(argument, operator + ": " + what + " must not be null");
  }

  @Override
  public KGroupedStream<K, V> groupByKey() {
    return groupByKey(Grouped.with(keySerde, valueSerde));
  }

  @Override
  public KGroupedStream<K, V> groupByKey(Grouped<K, V> grouped) {
    check(grouped, "groupByKey", "grouped");
    return StreamTables.groupByKey(builder, node, grouped, keySerde, valueSerde);
  }

  @Override
  public <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> keySelector) {
    return groupBy(keySelector, Grouped.with(null, valueSerde));
  }

  @Override
  public <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> keySelector,
      Grouped<KR, V> grouped) {
    check(keySelector, "groupBy", "keySelector");
    check(grouped, "groupBy", "grouped");
    KStreamImpl<KR, V> selected = (KStreamImpl<KR, V>) selectKey(keySelector,
        grouped.name() == null ? null : Named.as(grouped.name()));
    return StreamTables.groupByKey(builder, selected.node, grouped, null, valueSerde);
  }

  @Override
  public KTable<K, V> toTable() {
    return toTable(null, Materialized.with(keySerde, valueSerde));
  }

  @Override
  public KTable<K, V> toTable(Named named) {
    return toTable(named, Materialized.with(keySerde, valueSerde));
  }

  @Override
  public KTable<K, V> toTable(Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    return toTable(null, materialized);
  }

  @Override
  public KTable<K, V> toTable(Named named,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    check(materialized, "toTable", "materialized");
    return StreamTables.toTable(builder, node, named, materialized, keySerde, valueSerde);
  }

  @Override
  public KStream<K, V> repartition() {
    return repartition(Repartitioned.defaults());
  }

  @Override
  public KStream<K, V> repartition(Repartitioned<K, V> repartitioned) {
    check(repartitioned, "repartition", "repartitioned");
    Serde<K> keys = repartitioned.keySerde() != null ? repartitioned.keySerde() : keySerde;
    Serde<V> values = repartitioned.valueSerde() != null ? repartitioned.valueSerde() : valueSerde;
    GraphNode source = StreamTables.repartition(builder, node, repartitioned, keys, values);
    return new KStreamImpl<>(builder, source, keys, values);
  }
}
