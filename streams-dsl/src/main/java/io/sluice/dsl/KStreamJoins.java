package io.sluice.dsl;

import java.util.Objects;

/**
 * The joins of a {@link KStream}: with another stream within {@link JoinWindows}, with a {@link
 * KTable} as of processing time, and with a {@link GlobalKTable} by a key derived from each
 * record. {@code KStream} extends this interface; the overloads without options delegate to the
 * full forms with default options.
 *
 * <p>Records the joins drop (a {@code null} key where a key is needed, a {@code null} value, a
 * record too late for its join window) are counted and logged, or, with {@link
 * KStream#droppedRecords(Named)} and the join's name, delivered as a stream.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface KStreamJoins<K, V> {

  /**
   * Inner stream-stream join: for each pair of records with equal keys whose timestamps lie
   * within {@code windows} (this record at {@code t}, the other in {@code [t - before, t +
   * after]}), forwards {@code joiner(key, thisValue, otherValue)} with the larger timestamp and
   * the headers of the record that completed the pair. Both streams are buffered in changelogged
   * window stores (retention {@code before + after + grace}); a stream whose key changed upstream
   * is repartitioned first ({@code <name>-left-repartition} / {@code <name>-right-repartition}).
   * Records with a {@code null} key or value are dropped and reported, as are records that
   * arrive after their window has closed and match nothing still buffered.
   *
   * @param other the other stream, of the same {@code StreamsBuilder}
   * @param joiner computes the result value
   * @param windows the join windows with their grace period
   * @param streamJoined serdes, names and stores of the join
   * @param <VO> the other stream's value type
   * @param <VR> result value type
   * @return the stream of join results, keyed like the inputs
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code other} comes from another builder
   * @throws io.sluice.processor.TopologyException if a store supplier does not fit the windows
   */
  <VO, VR> KStream<K, VR> join(KStream<K, VO> other,
      ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

  /**
   * Left stream-stream join: as {@link #join(KStream, ValueJoinerWithKey, JoinWindows,
   * StreamJoined)}, and every record of this stream that found no match is joined with {@code
   * null} once stream time passes its window end plus grace (with its own timestamp and the
   * headers of the record that advanced stream time), or at once if that time has already passed
   * when it arrives. A record of this stream without a key but with a value is joined with
   * {@code null} at once. Unmatched records wait in a changelogged store shared by both sides.
   *
   * @see #join(KStream, ValueJoinerWithKey, JoinWindows, StreamJoined)
   */
  <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other,
      ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

  /**
   * Outer stream-stream join: as {@link #leftJoin(KStream, ValueJoinerWithKey, JoinWindows,
   * StreamJoined)} for both sides; an unmatched record of the other stream gives {@code
   * joiner(key, null, otherValue)}.
   *
   * @see #join(KStream, ValueJoinerWithKey, JoinWindows, StreamJoined)
   */
  <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other,
      ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

  /** {@link #join(KStream, ValueJoinerWithKey, JoinWindows, StreamJoined)}, default options. */
  default <VO, VR> KStream<K, VR> join(KStream<K, VO> other,
      ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows) {
    return join(other, joiner, windows, StreamJoined.with(null, null, null));
  }

  /** {@link #join(KStream, ValueJoinerWithKey, JoinWindows, StreamJoined)} without the key. */
  default <VO, VR> KStream<K, VR> join(KStream<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, JoinWindows windows,
      StreamJoined<K, V, VO> streamJoined) {
    return join(other, withKey(joiner, "join"), windows, streamJoined);
  }

  /** {@link #join(KStream, ValueJoiner, JoinWindows, StreamJoined)}, default options. */
  default <VO, VR> KStream<K, VR> join(KStream<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, JoinWindows windows) {
    return join(other, withKey(joiner, "join"), windows, StreamJoined.with(null, null, null));
  }

  /** {@link #leftJoin(KStream, ValueJoinerWithKey, JoinWindows, StreamJoined)}, defaults. */
  default <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other,
      ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows) {
    return leftJoin(other, joiner, windows, StreamJoined.with(null, null, null));
  }

  /** {@link #leftJoin(KStream, ValueJoinerWithKey, JoinWindows, StreamJoined)} without key. */
  default <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, JoinWindows windows,
      StreamJoined<K, V, VO> streamJoined) {
    return leftJoin(other, withKey(joiner, "leftJoin"), windows, streamJoined);
  }

  /** {@link #leftJoin(KStream, ValueJoiner, JoinWindows, StreamJoined)}, default options. */
  default <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, JoinWindows windows) {
    return leftJoin(other, withKey(joiner, "leftJoin"), windows,
        StreamJoined.with(null, null, null));
  }

  /** {@link #outerJoin(KStream, ValueJoinerWithKey, JoinWindows, StreamJoined)}, defaults. */
  default <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other,
      ValueJoinerWithKey<? super K, ? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows) {
    return outerJoin(other, joiner, windows, StreamJoined.with(null, null, null));
  }

  /** {@link #outerJoin(KStream, ValueJoinerWithKey, JoinWindows, StreamJoined)} without key. */
  default <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, JoinWindows windows,
      StreamJoined<K, V, VO> streamJoined) {
    return outerJoin(other, withKey(joiner, "outerJoin"), windows, streamJoined);
  }

  /** {@link #outerJoin(KStream, ValueJoiner, JoinWindows, StreamJoined)}, default options. */
  default <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> other,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, JoinWindows windows) {
    return outerJoin(other, withKey(joiner, "outerJoin"), windows,
        StreamJoined.with(null, null, null));
  }

  /**
   * Inner stream-table join: for each record of this stream, looks up the table's current value
   * for its key (the table as of this record's processing) and, if there is one, forwards {@code
   * joiner(key, value, tableValue)} with the stream record's timestamp and headers. Table updates
   * produce no output. Stream records with a {@code null} key or value are dropped and reported.
   * When this stream's key changed upstream it is repartitioned first ({@code
   * <name>-repartition}); the table is materialized if it was not.
   *
   * @param table the table, of the same {@code StreamsBuilder}, partitioned like this stream
   * @param joiner computes the result value
   * @param joined the processor's name and serdes
   * @param <VT> the table's value type
   * @param <VR> result value type
   * @return the stream of join results
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code table} comes from another builder
   */
  <VT, VR> KStream<K, VR> join(KTable<K, VT> table,
      ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner,
      Joined<K, V, VT> joined);

  /**
   * Left stream-table join: as {@link #join(KTable, ValueJoinerWithKey, Joined)}, and a record
   * whose key has no table value is joined with {@code null}; so is a record with a {@code null}
   * key and a value. Records with a {@code null} value are dropped and reported.
   *
   * @see #join(KTable, ValueJoinerWithKey, Joined)
   */
  <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table,
      ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner,
      Joined<K, V, VT> joined);

  /** {@link #join(KTable, ValueJoinerWithKey, Joined)} with default options. */
  default <VT, VR> KStream<K, VR> join(KTable<K, VT> table,
      ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner) {
    return join(table, joiner, Joined.with(null, null, null));
  }

  /** {@link #join(KTable, ValueJoinerWithKey, Joined)} without the key. */
  default <VT, VR> KStream<K, VR> join(KTable<K, VT> table,
      ValueJoiner<? super V, ? super VT, ? extends VR> joiner, Joined<K, V, VT> joined) {
    return join(table, withKey(joiner, "join"), joined);
  }

  /** {@link #join(KTable, ValueJoiner, Joined)} with default options. */
  default <VT, VR> KStream<K, VR> join(KTable<K, VT> table,
      ValueJoiner<? super V, ? super VT, ? extends VR> joiner) {
    return join(table, withKey(joiner, "join"), Joined.with(null, null, null));
  }

  /** {@link #leftJoin(KTable, ValueJoinerWithKey, Joined)} with default options. */
  default <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table,
      ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner) {
    return leftJoin(table, joiner, Joined.with(null, null, null));
  }

  /** {@link #leftJoin(KTable, ValueJoinerWithKey, Joined)} without the key. */
  default <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table,
      ValueJoiner<? super V, ? super VT, ? extends VR> joiner, Joined<K, V, VT> joined) {
    return leftJoin(table, withKey(joiner, "leftJoin"), joined);
  }

  /** {@link #leftJoin(KTable, ValueJoiner, Joined)} with default options. */
  default <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table,
      ValueJoiner<? super V, ? super VT, ? extends VR> joiner) {
    return leftJoin(table, withKey(joiner, "leftJoin"), Joined.with(null, null, null));
  }

  /**
   * Inner stream-global-table join: for each record, {@code keySelector} derives the table key;
   * if the table (this instance's full replica) has a value for it, forwards {@code joiner(key,
   * value, tableValue)} with the stream record's key, timestamp and headers. No repartitioning is
   * needed. Records with a {@code null} value, or whose derived key is {@code null}, are dropped
   * and reported.
   *
   * @param table the global table, of the same {@code StreamsBuilder}
   * @param keySelector derives the table key from the record's key and value
   * @param joiner computes the result value (its key argument is the stream record's key)
   * @param named the processor's name, or {@code null} for a generated one
   * @param <GK> the table's key type
   * @param <GV> the table's value type
   * @param <RV> result value type
   * @return the stream of join results
   * @throws NullPointerException if {@code table}, {@code keySelector} or {@code joiner} is null
   * @throws IllegalArgumentException if {@code table} comes from another builder
   */
  <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner, Named named);

  /**
   * Left stream-global-table join: as {@link #join(GlobalKTable, KeyValueMapper,
   * ValueJoinerWithKey, Named)}, and a record whose derived key is {@code null} or has no table
   * value is joined with {@code null}.
   *
   * @see #join(GlobalKTable, KeyValueMapper, ValueJoinerWithKey, Named)
   */
  <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner, Named named);

  /** {@link #join(GlobalKTable, KeyValueMapper, ValueJoinerWithKey, Named)}, generated name. */
  default <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner) {
    return join(table, keySelector, joiner, null);
  }

  /** {@link #join(GlobalKTable, KeyValueMapper, ValueJoinerWithKey, Named)} without the key. */
  default <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoiner<? super V, ? super GV, ? extends RV> joiner, Named named) {
    return join(table, keySelector, withKey(joiner, "join"), named);
  }

  /** {@link #join(GlobalKTable, KeyValueMapper, ValueJoiner, Named)}, generated name. */
  default <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> table,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoiner<? super V, ? super GV, ? extends RV> joiner) {
    return join(table, keySelector, withKey(joiner, "join"), null);
  }

  /** {@link #leftJoin(GlobalKTable, KeyValueMapper, ValueJoinerWithKey, Named)}, generated name. */
  default <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner) {
    return leftJoin(table, keySelector, joiner, null);
  }

  /** {@link #leftJoin(GlobalKTable, KeyValueMapper, ValueJoinerWithKey, Named)} without the key. */
  default <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoiner<? super V, ? super GV, ? extends RV> joiner, Named named) {
    return leftJoin(table, keySelector, withKey(joiner, "leftJoin"), named);
  }

  /** {@link #leftJoin(GlobalKTable, KeyValueMapper, ValueJoiner, Named)}, generated name. */
  default <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> table,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoiner<? super V, ? super GV, ? extends RV> joiner) {
    return leftJoin(table, keySelector, withKey(joiner, "leftJoin"), null);
  }

  /**
   * @param joiner a joiner ignoring the key
   * @param operator the operator, for the message
   * @return {@code joiner} taking the key too
   * @throws NullPointerException if {@code joiner} is null
   */
  private static <K, V1, V2, VR> ValueJoinerWithKey<K, V1, V2, VR> withKey(
      ValueJoiner<? super V1, ? super V2, ? extends VR> joiner, String operator) {
    Objects.requireNonNull(joiner, operator + ": joiner must not be null");
    return (key, value1, value2) -> joiner.apply(value1, value2);
  }
}
