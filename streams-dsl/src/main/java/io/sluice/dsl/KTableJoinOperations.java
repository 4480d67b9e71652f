package io.sluice.dsl;

import io.sluice.state.KeyValueStore;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;

/**
 * The joins of a {@link KTable} with another table: on the same key (inner, left, outer) and on a
 * foreign key extracted from this table's values (inner, left). Results are tables keyed like
 * this one; their updates carry, as timestamp, the larger of the two rows' timestamps.
 *
 * <p>Same-key joins: an update on either side updates (or deletes, with a {@code null} value) the
 * result row of its key; an update that leaves the key without a result row where there was none
 * before forwards nothing. Both tables are read through their stores, so source tables joined
 * here are materialized.
 *
 * <p>Foreign-key joins: each row of this table joins with the row of the other table whose key
 * its {@code foreignKeyExtractor} returns. The tables need not be co-partitioned: the join sends
 * subscriptions and responses through two internal topics ({@code <name>-subscription-
 * registration-topic}, {@code <name>-subscription-response-topic}) and keeps subscriptions in a
 * store on the other table's side. An update of a row of this table, of its foreign key, or of
 * the foreign row updates the result; a response that answers an older version of a row is
 * discarded. A row whose foreign key is {@code null} is dropped by an inner join (counted and
 * reported as a dropped record, reason {@code NULL_FOREIGN_KEY}) and joined with {@code null} by a
 * left join.
 *
 * @param <K> this table's key type
 * @param <V> this table's value type
 */
public interface KTableJoinOperations<K, V> {
  /**
   * Inner join on the key: a result row where both tables hold the key.
   *
   * @param other the other table
   * @param joiner joins this value and the other value, both non-null
   * @param <VO> the other table's value type
   * @param <VR> result value type
   * @return the joined table
   * @throws NullPointerException if an argument is null
   */
  <VO, VR> KTable<K, VR> join(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

  /** As {@link #join(KTable, ValueJoiner)}, with the operator's name. */
  <VO, VR> KTable<K, VR> join(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named);

  /** As {@link #join(KTable, ValueJoiner)}, keeping the result in a store. */
  <VO, VR> KTable<K, VR> join(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /** As {@link #join(KTable, ValueJoiner)}, with a name and keeping the result in a store. */
  <VO, VR> KTable<K, VR> join(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * Left join on the key: a result row wherever this table holds the key, joined with {@code
   * null} when the other table does not.
   *
   * @param other the other table
   * @param joiner joins this value (non-null) and the other value (may be null)
   * @param <VO> the other table's value type
   * @param <VR> result value type
   * @return the joined table
   * @throws NullPointerException if an argument is null
   */
  <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

  /** As {@link #leftJoin(KTable, ValueJoiner)}, with the operator's name. */
  <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named);

  /** As {@link #leftJoin(KTable, ValueJoiner)}, keeping the result in a store. */
  <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /** As {@link #leftJoin(KTable, ValueJoiner)}, with a name and keeping the result in a store. */
  <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * Outer join on the key: a result row wherever either table holds the key, the missing side
   * joined as {@code null}.
   *
   * @param other the other table
   * @param joiner joins this value and the other value; at most one of them is null
   * @param <VO> the other table's value type
   * @param <VR> result value type
   * @return the joined table
   * @throws NullPointerException if an argument is null
   */
  <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

  /** As {@link #outerJoin(KTable, ValueJoiner)}, with the operator's name. */
  <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named);

  /** As {@link #outerJoin(KTable, ValueJoiner)}, keeping the result in a store. */
  <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /** As {@link #outerJoin(KTable, ValueJoiner)}, with a name and keeping the result in a store. */
  <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * Inner foreign-key join: each row of this table with the other table's row under the key its
   * value extracts to; no result while that row is missing or the extracted key is null.
   *
   * @param other the other table, keyed by the foreign key
   * @param foreignKeyExtractor the foreign key of a value (never called with null)
   * @param joiner joins this value and the other value, both non-null
   * @param <VR> result value type
   * @param <KO> foreign key type
   * @param <VO> the other table's value type
   * @return the joined table, keyed like this one
   * @throws NullPointerException if an argument is null
   */
  <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

  /** As {@link #join(KTable, Function, ValueJoiner)}, with a name and partitioners. */
  <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined);

  /** As {@link #join(KTable, Function, ValueJoiner)}, keeping the result in a store. */
  <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /** As {@link #join(KTable, Function, ValueJoiner)}, with options and a result store. */
  <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * As {@link #join(KTable, Function, ValueJoiner)}, the foreign key extracted from key and
   * value.
   */
  <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

  /** As {@link #join(KTable, BiFunction, ValueJoiner)}, with a name and partitioners. */
  <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined);

  /** As {@link #join(KTable, BiFunction, ValueJoiner)}, keeping the result in a store. */
  <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /** As {@link #join(KTable, BiFunction, ValueJoiner)}, with options and a result store. */
  <VR, KO, VO> KTable<K, VR> join(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * Left foreign-key join: as {@link #join(KTable, Function, ValueJoiner)}, but a row of this
   * table without a foreign row, or whose foreign key is null, joins with {@code null}.
   *
   * @param other the other table, keyed by the foreign key
   * @param foreignKeyExtractor the foreign key of a value (never called with null); may return
   *     null
   * @param joiner joins this value (non-null) and the other value (may be null)
   * @param <VR> result value type
   * @param <KO> foreign key type
   * @param <VO> the other table's value type
   * @return the joined table, keyed like this one
   * @throws NullPointerException if an argument is null
   */
  <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

  /** As {@link #leftJoin(KTable, Function, ValueJoiner)}, with a name and partitioners. */
  <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined);

  /** As {@link #leftJoin(KTable, Function, ValueJoiner)}, keeping the result in a store. */
  <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /** As {@link #leftJoin(KTable, Function, ValueJoiner)}, with options and a result store. */
  <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      Function<? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * As {@link #leftJoin(KTable, Function, ValueJoiner)}, the foreign key extracted from key and
   * value.
   */
  <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

  /** As {@link #leftJoin(KTable, BiFunction, ValueJoiner)}, with a name and partitioners. */
  <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined);

  /** As {@link #leftJoin(KTable, BiFunction, ValueJoiner)}, keeping the result in a store. */
  <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /** As {@link #leftJoin(KTable, BiFunction, ValueJoiner)}, with options and a result store. */
  <VR, KO, VO> KTable<K, VR> leftJoin(KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> foreignKeyExtractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, TableJoined<K, KO> tableJoined,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);
}
