package io.sluice.dsl;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A changelog stream read as a table: each record is the latest value of its key, a {@code null}
 * value deletes the key. Operators return new tables and never change this one; they forward one
 * update per changed key, with the timestamp of the record that caused it. A table kept in a
 * store with caching forwards at most one update per key per commit.
 *
 * <p>Every operator has a variant with {@link Named} to set its processor's name, and stateless
 * ones a variant with {@link Materialized} to keep (and make queryable) their result in a store.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface KTable<K, V> extends KTableJoinOperations<K, V> {
  /**
   * Keeps the rows the predicate accepts. A row it rejects is forwarded as a delete (a
   * {@code null} value), so downstream forgets it; a row that was never kept may be deleted again.
   *
   * @param predicate keeps the rows it accepts; called with non-null values only
   * @return the accepted rows
   */
  KTable<K, V> filter(Predicate<? super K, ? super V> predicate);

  /**
   * @param predicate keeps the rows it accepts
   * @param named the processor's name
   * @return the accepted rows
   * @see #filter(Predicate)
   */
  KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named);

  /**
   * @param predicate keeps the rows it accepts
   * @param materialized the store that keeps the result
   * @return the accepted rows
   * @see #filter(Predicate)
   */
  KTable<K, V> filter(Predicate<? super K, ? super V> predicate,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param predicate keeps the rows it accepts
   * @param named the processor's name
   * @param materialized the store that keeps the result
   * @return the accepted rows
   * @see #filter(Predicate)
   */
  KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param predicate drops the rows it accepts (forwarded as deletes, see {@link #filter})
   * @return the rejected rows
   */
  KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate);

  /**
   * @param predicate drops the rows it accepts
   * @param named the processor's name
   * @return the rejected rows
   */
  KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named);

  /**
   * @param predicate drops the rows it accepts
   * @param materialized the store that keeps the result
   * @return the rejected rows
   */
  KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param predicate drops the rows it accepts
   * @param named the processor's name
   * @param materialized the store that keeps the result
   * @return the rejected rows
   */
  KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * Replaces each row's value; deletes stay deletes (the mapper never sees {@code null}).
   *
   * @param mapper returns the new value
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper);

  /**
   * @param mapper returns the new value
   * @param named the processor's name
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named);

  /**
   * @param mapper returns the new value from the read-only key and the value
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper);

  /**
   * @param mapper returns the new value from the read-only key and the value
   * @param named the processor's name
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper,
      Named named);

  /**
   * @param mapper returns the new value
   * @param materialized the store that keeps the result
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param mapper returns the new value
   * @param named the processor's name, or {@code null} for a generated one
   * @param materialized the store that keeps the result
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param mapper returns the new value from the read-only key and the value
   * @param materialized the store that keeps the result
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param mapper returns the new value from the read-only key and the value
   * @param named the processor's name, or {@code null} for a generated one
   * @param materialized the store that keeps the result
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper,
      Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @return the stream of this table's updates: each new value, {@code null} for a delete
   */
  KStream<K, V> toStream();

  /**
   * @param named the processor's name
   * @return the stream of this table's updates
   */
  KStream<K, V> toStream(Named named);

  /**
   * The updates of this table that the named downstream operator dropped (a null key from a
   * groupBy selector, a foreign key extracted as null, ...), as a stream typed as this table's
   * updates; see {@link KStream#droppedRecords(Named)} for the headers and errors.
   *
   * @param operator the name given to the operator with {@link Named}
   * @return the dropped updates, with this table's serdes
   * @throws io.sluice.processor.TopologyException if no operator of that name was declared yet,
   *     it cannot drop records, or it does not read from this table
   */
  KStream<K, V> droppedRecords(Named operator);

  /**
   * Re-keys the rows for an aggregation by the new key. Each update of a row sends the old
   * pair's removal and then the new pair's addition (one combined update when both pairs have
   * the same key), so the aggregation subtracts before it adds. Pairs with a {@code null} key or
   * value are skipped (null keys are counted as dropped records).
   *
   * @param selector returns the new key and value of a row; never called with a {@code null} value
   * @param <KR> new key type
   * @param <VR> new value type
   * @return the grouped table
   */
  <KR, VR> KGroupedTable<KR, VR> groupBy(
      KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector);

  /**
   * @param selector returns the new key and value of a row
   * @param grouped the repartition topic's serdes and name
   * @param <KR> new key type
   * @param <VR> new value type
   * @return the grouped table
   * @see #groupBy(KeyValueMapper)
   */
  <KR, VR> KGroupedTable<KR, VR> groupBy(
      KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector, Grouped<KR, VR> grouped);

  /**
   * @return the name of the store that can be queried for this table, or {@code null} if it was
   *     not materialized under a name
   */
  String queryableStoreName();

  /**
   * Holds back this table's updates: until each window closes ({@link
   * Suppressed#untilWindowCloses}, for tables from windowed aggregations) or for a time limit
   * ({@link Suppressed#untilTimeLimit}). The buffer is a changelogged store.
   *
   * @param suppressed when to emit and how large the buffer may grow
   * @return the suppressed table
   * @throws NullPointerException if {@code suppressed} is null
   * @throws io.sluice.processor.TopologyException if {@code untilWindowCloses} is used on a table
   *     that no windowed aggregation produced
   */
  KTable<K, V> suppress(Suppressed<? super K> suppressed);
}
