package io.sluice.dsl.internals;

import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.ValueJoiner;
import java.util.List;
import java.util.Objects;

/**
 * Declares table-table joins with Kafka Streams' generated names: the result's store (when
 * materialized without a name) {@code KTABLE-MERGE-STATE-STORE-<n>}, the merge node {@code
 * KTABLE-MERGE-<n>} and the two side processors {@code KTABLE-JOINTHIS-<n>} and {@code
 * KTABLE-JOINOTHER-<n>}; with a {@link Named} name {@code n}: {@code n}, {@code n-join-this} and
 * {@code n-join-other}, each still taking a value of the name counter, as in Kafka Streams.
 */
final class KTableJoins {
  static final String MERGE = "KTABLE-MERGE-";
  static final String JOIN_THIS = "KTABLE-JOINTHIS-";
  static final String JOIN_OTHER = "KTABLE-JOINOTHER-";

  private KTableJoins() {}

  /**
   * @param left this table
   * @param other the right table, of the same builder
   * @param joiner joins a left and a right value (either may be null as the kind allows)
   * @param kind inner, left or outer
   * @param named the operator's name, or {@code null}
   * @param materialized the result's store, or {@code null} for none
   * @return the joined table
   * @throws NullPointerException if {@code other} or {@code joiner} is null
   * @throws IllegalArgumentException if {@code other} comes from another builder
   */
  static <K, V1, V2, VR> KTable<K, VR> join(KTableImpl<K, V1> left, KTable<K, V2> other,
      ValueJoiner<? super V1, ? super V2, ? extends VR> joiner, TableJoinKind kind, Named named,
      Materialized<K, VR, ?> materialized) {
    String operator = operatorName(kind);
    Objects.requireNonNull(joiner, operator + ": joiner must not be null");
    KTableImpl<K, V2> right = sameBuilder(left, other, operator);
    InternalStreamsBuilder builder = left.builder();
    MaterializedInternal<K, VR> store = materialized == null ? null
        : MaterializedInternal.of(materialized, builder, MERGE)
            .withKeySerdeIfAbsent(left.keySerde());
    String explicit = named == null ? null : named.name();
    String mergeName = builder.name(MERGE, explicit);
    String thisName = builder.name(JOIN_THIS, explicit == null ? null : explicit + "-join-this");
    String otherName =
        builder.name(JOIN_OTHER, explicit == null ? null : explicit + "-join-other");

    // A delete of a row without a partner must still delete a left/outer result: that needs the
    // row's old value, so the side(s) that can join alone send old values.
    if (!kind.leftRequired() || !kind.rightRequired()) {
      left.enableSendingOldValues(true);
    }
    if (!kind.leftRequired()) {
      right.enableSendingOldValues(true);
    }
    KTableValueGetterSupplier<K, V1> leftRows = left.valueGetterSupplier();
    KTableValueGetterSupplier<K, V2> rightRows = right.valueGetterSupplier();
    DropSpec thisDrops = new DropSpec(mergeName);
    DropSpec otherDrops = new DropSpec(mergeName);
    KTableKTableJoin<K, V1, V2, VR> thisSide = new KTableKTableJoin<>(rightRows, joiner,
        !kind.leftRequired(), !kind.rightRequired(), thisDrops);
    KTableKTableJoin<K, V2, V1, VR> otherSide = new KTableKTableJoin<K, V2, V1, VR>(leftRows,
        (rightValue, leftValue) -> joiner.apply(leftValue, rightValue),
        !kind.rightRequired(), !kind.leftRequired(), otherDrops);
    GraphNode thisNode = new JoinProcessorNode<>(thisName, List.of(left.node()), thisSide,
        List.of(rightRows), List.of(), List.of());
    GraphNode otherNode = new JoinProcessorNode<>(otherName, List.of(right.node()), otherSide,
        List.of(leftRows), List.of(), List.of());
    builder.add(thisNode);
    builder.add(otherNode);
    builder.registerDropper(mergeName, thisNode, thisDrops);
    builder.registerDropper(mergeName, otherNode, otherDrops);

    KTableKTableJoinMerger<K, V1, V2, VR> merger = new KTableKTableJoinMerger<>(
        left.operator(), right.operator(), thisSide, otherSide,
        new KTableKTableJoinValueGetterSupplier<>(leftRows, rightRows, joiner, kind),
        store == null ? null : store.storeName());
    GraphNode mergeNode = new TableProcessorNode<>(mergeName, List.of(thisNode, otherNode),
        merger, merger, store);
    builder.add(mergeNode);
    return new KTableImpl<>(builder, mergeNode, merger, left.keySerde(),
        store == null ? null : store.valueSerde(),
        store == null ? null : store.queryableStoreName());
  }

  /**
   * @return {@code other} as this module's table
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it belongs to another builder
   */
  static <KO, VO> KTableImpl<KO, VO> sameBuilder(KTableImpl<?, ?> left, KTable<KO, VO> other,
      String operator) {
    Objects.requireNonNull(other, operator + ": other table must not be null");
    if (!(other instanceof KTableImpl<KO, VO> right) || right.builder() != left.builder()) {
      throw new IllegalArgumentException(operator + ": the other table comes from another"
          + " StreamsBuilder; join only tables of the same builder");
    }
    return right;
  }

  private static String operatorName(TableJoinKind kind) {
    return switch (kind) {
      case INNER -> "join";
      case LEFT -> "leftJoin";
      case OUTER -> "outerJoin";
    };
  }
}
