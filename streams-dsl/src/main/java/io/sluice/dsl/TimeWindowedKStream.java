package io.sluice.dsl;

import io.sluice.serdes.Windowed;
import io.sluice.state.WindowStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A grouped stream windowed by {@link TimeWindows} or {@link SlidingWindows}, ready to aggregate
 * per key and window into a table keyed by {@link Windowed} keys. Records with a null key are
 * dropped and reported (metric, side output); records later than their window's close (end plus
 * grace, in stream time) are dropped from that window and reported likewise. The result store is a
 * timestamped window store; its retention defaults to window size plus grace.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface TimeWindowedKStream<K, V> {

  /** @return the count of records per key and window */
  KTable<Windowed<K>, Long> count();

  /**
   * @param named the processor's name
   * @return the count of records per key and window
   */
  KTable<Windowed<K>, Long> count(Named named);

  /**
   * @param materialized the store's name, serdes, retention, caching and logging
   * @return the count of records per key and window
   */
  KTable<Windowed<K>, Long> count(Materialized<K, Long, WindowStore<Bytes, byte[]>> materialized);

  /**
   * @param named the processor's name
   * @param materialized the store's name, serdes, retention, caching and logging
   * @return the count of records per key and window
   */
  KTable<Windowed<K>, Long> count(Named named,
      Materialized<K, Long, WindowStore<Bytes, byte[]>> materialized);

  /**
   * @param initializer the aggregate of an empty window
   * @param aggregator folds a record into a window's aggregate
   * @param <VA> aggregate type
   * @return the aggregate per key and window
   */
  <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator);

  /**
   * @param initializer the aggregate of an empty window
   * @param aggregator folds a record into a window's aggregate
   * @param materialized the store's name, serdes, retention, caching and logging
   * @param <VA> aggregate type
   * @return the aggregate per key and window
   */
  <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator,
      Materialized<K, VA, WindowStore<Bytes, byte[]>> materialized);

  /**
   * @param initializer the aggregate of an empty window
   * @param aggregator folds a record into a window's aggregate
   * @param named the processor's name
   * @param materialized the store's name, serdes, retention, caching and logging
   * @param <VA> aggregate type
   * @return the aggregate per key and window
   */
  <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Named named,
      Materialized<K, VA, WindowStore<Bytes, byte[]>> materialized);

  /**
   * @param reducer combines a window's aggregate with a record's value; the first value of a window
   *     is its aggregate
   * @return the reduction per key and window
   */
  KTable<Windowed<K>, V> reduce(Reducer<V> reducer);

  /**
   * @param reducer combines a window's aggregate with a record's value
   * @param materialized the store's name, serdes, retention, caching and logging
   * @return the reduction per key and window
   */
  KTable<Windowed<K>, V> reduce(Reducer<V> reducer,
      Materialized<K, V, WindowStore<Bytes, byte[]>> materialized);

  /**
   * @param reducer combines a window's aggregate with a record's value
   * @param named the processor's name
   * @param materialized the store's name, serdes, retention, caching and logging
   * @return the reduction per key and window
   */
  KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Named named,
      Materialized<K, V, WindowStore<Bytes, byte[]>> materialized);

  /**
   * @param emitStrategy emit every update (default) or each window's final result when it closes
   * @return a windowed stream whose aggregations emit that way
   * @throws NullPointerException if {@code emitStrategy} is null
   */
  TimeWindowedKStream<K, V> emitStrategy(EmitStrategy emitStrategy);

  /**
   * The records of this windowed stream that the named downstream operator dropped (late for its window, a null key, ...), typed as
   * this windowed stream; see {@link KStream#droppedRecords(Named)} for the headers and errors.
   *
   * @param operator the name given to the operator with {@link Named}
   * @return the dropped records
   * @throws io.sluice.processor.TopologyException if no operator of that name was declared yet,
   *     it cannot drop records, or it does not read from this windowed stream
   */
  KStream<K, V> droppedRecords(Named operator);
}
