package io.sluice.dsl.internals;

import io.sluice.dsl.KTable;
import io.sluice.dsl.KTableJoinOperations;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.TableJoined;
import io.sluice.dsl.ValueJoiner;
import io.sluice.state.KeyValueStore;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;

/**
 * The join overloads of {@link KTableImpl}, each a thin delegation to {@link KTableJoins}
 * (same-key joins) or {@link ForeignKeyJoins}, kept apart so the table class stays small.
 *
 * @param <K> key type
 * @param <V> value type
 */
abstract class KTableJoinMethods<K, V> implements KTableJoinOperations<K, V> {
  private KTableImpl<K, V> self() {
    return (KTableImpl<K, V>) this;
  }

  private static <T> T checked(T argument, String operator, String what) {
    return Objects.requireNonNull(argument, operator + ": " + what + " must not be null");
  }

  @Override
  public <VO, VR> KTable<K, VR> join(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
    return KTableJoins.join(self(), other, joiner, TableJoinKind.INNER, null, null);
  }

  @Override
  public <VO, VR> KTable<K, VR> join(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named) {
    return KTableJoins.join(self(), other, joiner, TableJoinKind.INNER,
        checked(named, "join", "named"), null);
  }

  @Override
  public <VO, VR> KTable<K, VR> join(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return KTableJoins.join(self(), other, joiner, TableJoinKind.INNER, null,
        checked(materialized, "join", "materialized"));
  }

  @Override
  public <VO, VR> KTable<K, VR> join(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return KTableJoins.join(self(), other, joiner, TableJoinKind.INNER,
        checked(named, "join", "named"), checked(materialized, "join", "materialized"));
  }

  @Override
  public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
    return KTableJoins.join(self(), other, joiner, TableJoinKind.LEFT, null, null);
  }

  @Override
  public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named) {
    return KTableJoins.join(self(), other, joiner, TableJoinKind.LEFT,
        checked(named, "leftJoin", "named"), null);
  }

  @Override
  public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return KTableJoins.join(self(), other, joiner, TableJoinKind.LEFT, null,
        checked(materialized, "leftJoin", "materialized"));
  }

  @Override
  public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return KTableJoins.join(self(), other, joiner, TableJoinKind.LEFT,
        checked(named, "leftJoin", "named"), checked(materialized, "leftJoin", "materialized"));
  }

  @Override
  public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
    return KTableJoins.join(self(), other, joiner, TableJoinKind.OUTER, null, null);
  }

  @Override
  public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named) {
    return KTableJoins.join(self(), other, joiner, TableJoinKind.OUTER,
        checked(named, "outerJoin", "named"), null);
  }

  @Override
  public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return KTableJoins.join(self(), other, joiner, TableJoinKind.OUTER, null,
        checked(materialized, "outerJoin", "materialized"));
  }

  @Override
  public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return KTableJoins.join(self(), other, joiner, TableJoinKind.OUTER,
        checked(named, "outerJoin", "named"), checked(materialized, "outerJoin", "materialized"));
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
    return ForeignKeyJoins.join(self(), other,
        byValue(foreignKeyExtractor, "join"), joiner, false,
        TableJoined.with(null, null), null);
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined) {
    return ForeignKeyJoins.join(self(), other,
        byValue(foreignKeyExtractor, "join"), joiner, false, tableJoined, null);
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return ForeignKeyJoins.join(self(), other,
        byValue(foreignKeyExtractor, "join"), joiner, false,
        TableJoined.with(null, null), checked(materialized, "join", "materialized"));
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return ForeignKeyJoins.join(self(), other,
        byValue(foreignKeyExtractor, "join"), joiner, false, tableJoined,
        checked(materialized, "join", "materialized"));
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
    return ForeignKeyJoins.join(self(), other, foreignKeyExtractor, joiner, false,
        TableJoined.with(null, null), null);
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined) {
    return ForeignKeyJoins.join(self(), other, foreignKeyExtractor, joiner, false, tableJoined,
        null);
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return ForeignKeyJoins.join(self(), other, foreignKeyExtractor, joiner, false,
        TableJoined.with(null, null), checked(materialized, "join", "materialized"));
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return ForeignKeyJoins.join(self(), other, foreignKeyExtractor, joiner, false, tableJoined,
        checked(materialized, "join", "materialized"));
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
    return ForeignKeyJoins.join(self(), other,
        byValue(foreignKeyExtractor, "leftJoin"), joiner, true,
        TableJoined.with(null, null), null);
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined) {
    return ForeignKeyJoins.join(self(), other,
        byValue(foreignKeyExtractor, "leftJoin"), joiner, true, tableJoined, null);
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return ForeignKeyJoins.join(self(), other,
        byValue(foreignKeyExtractor, "leftJoin"), joiner, true,
        TableJoined.with(null, null), checked(materialized, "leftJoin", "materialized"));
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return ForeignKeyJoins.join(self(), other,
        byValue(foreignKeyExtractor, "leftJoin"), joiner, true, tableJoined,
        checked(materialized, "leftJoin", "materialized"));
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
    return ForeignKeyJoins.join(self(), other, foreignKeyExtractor, joiner, true,
        TableJoined.with(null, null), null);
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined) {
    return ForeignKeyJoins.join(self(), other, foreignKeyExtractor, joiner, true, tableJoined,
        null);
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return ForeignKeyJoins.join(self(), other, foreignKeyExtractor, joiner, true,
        TableJoined.with(null, null), checked(materialized, "leftJoin", "materialized"));
  }

  @Override
  public <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return ForeignKeyJoins.join(self(), other, foreignKeyExtractor, joiner, true, tableJoined,
        checked(materialized, "leftJoin", "materialized"));
  }

  private static <K, V, KO> BiFunction<K, V, KO> byValue(
      Function<? super V, ? extends KO> extractor, String operator) {
    checked(extractor, operator, "foreignKeyExtractor");
    return (key, value) -> extractor.apply(value);
  }
}
