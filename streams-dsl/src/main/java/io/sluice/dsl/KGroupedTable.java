package io.sluice.dsl;

import io.sluice.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A table re-grouped by a new key ({@link KTable#groupBy}), ready to aggregate. Every update of a
 * source row first removes its old value from its old key's aggregate (the subtractor) and then
 * adds its new value to its new key's aggregate (the adder).
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface KGroupedTable<K, V> {
  /** @return the number of rows per key (0 once all rows of a key are gone, not deleted) */
  KTable<K, Long> count();

  /**
   * @param named the aggregation processor's name (also names its repartition processors)
   * @return the number of rows per key
   */
  KTable<K, Long> count(Named named);

  /**
   * @param materialized the store of the counts (its value serde defaults to a long serde)
   * @return the number of rows per key
   */
  KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param named the aggregation processor's name
   * @param materialized the store of the counts
   * @return the number of rows per key
   */
  KTable<K, Long> count(Named named,
      Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param adder adds a row's new value to the aggregate; the first value is the starting one
   * @param subtractor removes a row's old value from the aggregate
   * @return the aggregate per key
   */
  KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor);

  /**
   * @param adder adds a row's new value to the aggregate
   * @param subtractor removes a row's old value from the aggregate
   * @param materialized the store of the aggregates
   * @return the aggregate per key
   */
  KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param adder adds a row's new value to the aggregate
   * @param subtractor removes a row's old value from the aggregate
   * @param named the aggregation processor's name
   * @param materialized the store of the aggregates
   * @return the aggregate per key
   */
  KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor, Named named,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param initializer the starting aggregate of a new key
   * @param adder adds a row's new value to the aggregate
   * @param subtractor removes a row's old value from the aggregate
   * @param <VA> aggregate type
   * @return the aggregate per key
   */
  <VA> KTable<K, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> adder, Aggregator<? super K, ? super V, VA> subtractor);

  /**
   * @param initializer the starting aggregate of a new key
   * @param adder adds a row's new value to the aggregate
   * @param subtractor removes a row's old value from the aggregate
   * @param materialized the store of the aggregates
   * @param <VA> aggregate type
   * @return the aggregate per key
   */
  <VA> KTable<K, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> adder, Aggregator<? super K, ? super V, VA> subtractor,
      Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param initializer the starting aggregate of a new key
   * @param adder adds a row's new value to the aggregate
   * @param subtractor removes a row's old value from the aggregate
   * @param named the aggregation processor's name
   * @param materialized the store of the aggregates
   * @param <VA> aggregate type
   * @return the aggregate per key
   */
  <VA> KTable<K, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> adder, Aggregator<? super K, ? super V, VA> subtractor,
      Named named, Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * The records of this grouped table that the named downstream operator dropped (a null key from the groupBy selector, ...), typed as
   * this grouped table; see {@link KStream#droppedRecords(Named)} for the headers and errors.
   *
   * @param operator the name given to the operator with {@link Named}
   * @return the dropped records
   * @throws io.sluice.processor.TopologyException if no operator of that name was declared yet,
   *     it cannot drop records, or it does not read from this grouped table
   */
  KStream<K, V> droppedRecords(Named operator);
}
