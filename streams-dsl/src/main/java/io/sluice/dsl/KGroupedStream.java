package io.sluice.dsl;

import io.sluice.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A stream grouped by key, ready to aggregate. Records with a {@code null} key or value are
 * skipped and counted as dropped records (see {@code droppedRecords}). Results are tables that
 * update with each record (or, with caching, once per key per commit); each update carries the
 * largest timestamp of the records aggregated into it.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface KGroupedStream<K, V> {
  /** @return the number of records per key */
  KTable<K, Long> count();

  /**
   * @param named the aggregation processor's name
   * @return the number of records per key
   */
  KTable<K, Long> count(Named named);

  /**
   * @param materialized the store of the counts (its value serde defaults to a long serde)
   * @return the number of records per key
   */
  KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param named the aggregation processor's name
   * @param materialized the store of the counts
   * @return the number of records per key
   */
  KTable<K, Long> count(Named named,
      Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param reducer combines the aggregate with each further value; the first value is the
   *     starting aggregate
   * @return the aggregate per key
   */
  KTable<K, V> reduce(Reducer<V> reducer);

  /**
   * @param reducer combines the aggregate with each further value
   * @param materialized the store of the aggregates
   * @return the aggregate per key
   */
  KTable<K, V> reduce(Reducer<V> reducer,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param reducer combines the aggregate with each further value
   * @param named the aggregation processor's name
   * @param materialized the store of the aggregates
   * @return the aggregate per key
   */
  KTable<K, V> reduce(Reducer<V> reducer, Named named,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param initializer the starting aggregate of a new key
   * @param aggregator folds each value into the aggregate
   * @param <VA> aggregate type
   * @return the aggregate per key
   */
  <VA> KTable<K, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator);

  /**
   * @param initializer the starting aggregate of a new key
   * @param aggregator folds each value into the aggregate
   * @param materialized the store of the aggregates
   * @param <VA> aggregate type
   * @return the aggregate per key
   */
  <VA> KTable<K, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator,
      Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param initializer the starting aggregate of a new key
   * @param aggregator folds each value into the aggregate
   * @param named the aggregation processor's name
   * @param materialized the store of the aggregates
   * @param <VA> aggregate type
   * @return the aggregate per key
   */
  <VA> KTable<K, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Named named,
      Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * Windows this grouped stream by fixed-size time windows (tumbling or hopping) for a windowed
   * aggregation.
   *
   * @param windows the windows
   * @return the windowed stream, emitting every update until {@code emitStrategy} says otherwise
   * @throws NullPointerException if {@code windows} is null
   */
  TimeWindowedKStream<K, V> windowedBy(TimeWindows windows);

  /**
   * Windows this grouped stream by sessions of activity for a session aggregation.
   *
   * @param windows the session windows
   * @return the session-windowed stream
   * @throws NullPointerException if {@code windows} is null
   */
  SessionWindowedKStream<K, V> windowedBy(SessionWindows windows);

  /**
   * Windows this grouped stream by sliding windows (windows defined by the records' timestamps)
   * for a windowed aggregation.
   *
   * @param windows the sliding windows
   * @return the windowed stream, emitting every update until {@code emitStrategy} says otherwise
   * @throws NullPointerException if {@code windows} is null
   */
  TimeWindowedKStream<K, V> windowedBy(SlidingWindows windows);

  /**
   * Starts a cogroup: this and other grouped streams of the same key type aggregated into one
   * table, each with its own aggregator.
   *
   * @param aggregator folds this stream's records into the shared aggregate
   * @param <VOut> aggregate type
   * @return the cogroup
   * @throws NullPointerException if {@code aggregator} is null
   */
  <VOut> CogroupedKStream<K, VOut> cogroup(Aggregator<? super K, ? super V, VOut> aggregator);

  /**
   * The records of this grouped stream that the named downstream operator dropped (a null key, a late record of a windowed aggregation, ...), typed as
   * this grouped stream; see {@link KStream#droppedRecords(Named)} for the headers and errors.
   *
   * @param operator the name given to the operator with {@link Named}
   * @return the dropped records
   * @throws io.sluice.processor.TopologyException if no operator of that name was declared yet,
   *     it cannot drop records, or it does not read from this grouped stream
   */
  KStream<K, V> droppedRecords(Named operator);
}
