package io.sluice.dsl;

import io.sluice.serdes.Windowed;
import io.sluice.state.SessionStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A grouped stream windowed by {@link SessionWindows}, ready to aggregate per key and session into
 * a table keyed by {@link Windowed} keys. When a record merges sessions, the merged-away sessions
 * are deleted downstream with tombstones. Null-key and late records are dropped and reported. The
 * result store is a session store; its retention defaults to gap plus grace.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface SessionWindowedKStream<K, V> {

  /** @return the count of records per key and session */
  KTable<Windowed<K>, Long> count();

  /**
   * @param named the processor's name
   * @return the count of records per key and session
   */
  KTable<Windowed<K>, Long> count(Named named);

  /**
   * @param materialized the store's name, serdes, retention, caching and logging
   * @return the count of records per key and session
   */
  KTable<Windowed<K>, Long> count(
      Materialized<K, Long, SessionStore<Bytes, byte[]>> materialized);

  /**
   * @param named the processor's name
   * @param materialized the store's name, serdes, retention, caching and logging
   * @return the count of records per key and session
   */
  KTable<Windowed<K>, Long> count(Named named,
      Materialized<K, Long, SessionStore<Bytes, byte[]>> materialized);

  /**
   * @param initializer the aggregate of a new session
   * @param aggregator folds a record into a session's aggregate
   * @param merger combines the aggregates of two sessions a record joins
   * @param <VA> aggregate type
   * @return the aggregate per key and session
   */
  <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Merger<? super K, VA> merger);

  /**
   * @param initializer the aggregate of a new session
   * @param aggregator folds a record into a session's aggregate
   * @param merger combines the aggregates of two sessions a record joins
   * @param materialized the store's name, serdes, retention, caching and logging
   * @param <VA> aggregate type
   * @return the aggregate per key and session
   */
  <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Merger<? super K, VA> merger,
      Materialized<K, VA, SessionStore<Bytes, byte[]>> materialized);

  /**
   * @param initializer the aggregate of a new session
   * @param aggregator folds a record into a session's aggregate
   * @param merger combines the aggregates of two sessions a record joins
   * @param named the processor's name
   * @param materialized the store's name, serdes, retention, caching and logging
   * @param <VA> aggregate type
   * @return the aggregate per key and session
   */
  <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Merger<? super K, VA> merger, Named named,
      Materialized<K, VA, SessionStore<Bytes, byte[]>> materialized);

  /**
   * @param reducer combines a session's aggregate with a record's value, and two sessions' when
   *     they merge
   * @return the reduction per key and session
   */
  KTable<Windowed<K>, V> reduce(Reducer<V> reducer);

  /**
   * @param reducer combines aggregates and values
   * @param materialized the store's name, serdes, retention, caching and logging
   * @return the reduction per key and session
   */
  KTable<Windowed<K>, V> reduce(Reducer<V> reducer,
      Materialized<K, V, SessionStore<Bytes, byte[]>> materialized);

  /**
   * @param reducer combines aggregates and values
   * @param named the processor's name
   * @param materialized the store's name, serdes, retention, caching and logging
   * @return the reduction per key and session
   */
  KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Named named,
      Materialized<K, V, SessionStore<Bytes, byte[]>> materialized);

  /**
   * @param emitStrategy emit every update (default) or each session's final result when it closes
   * @return a session-windowed stream whose aggregations emit that way
   * @throws NullPointerException if {@code emitStrategy} is null
   */
  SessionWindowedKStream<K, V> emitStrategy(EmitStrategy emitStrategy);

  /**
   * The records of this windowed stream that the named downstream operator dropped (late for its session, a null key, ...), typed as
   * this windowed stream; see {@link KStream#droppedRecords(Named)} for the headers and errors.
   *
   * @param operator the name given to the operator with {@link Named}
   * @return the dropped records
   * @throws io.sluice.processor.TopologyException if no operator of that name was declared yet,
   *     it cannot drop records, or it does not read from this windowed stream
   */
  KStream<K, V> droppedRecords(Named operator);
}
