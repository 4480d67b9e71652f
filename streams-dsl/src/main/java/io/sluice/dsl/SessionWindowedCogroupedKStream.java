package io.sluice.dsl;

import io.sluice.serdes.Windowed;
import io.sluice.state.SessionStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A cogroup aggregated per key and session into one shared session store; merged-away sessions are
 * deleted downstream with tombstones. Late and null-key records are dropped and reported.
 *
 * @param <K> key type
 * @param <VOut> aggregate type
 */
public interface SessionWindowedCogroupedKStream<K, VOut> {

  /**
   * @param initializer the aggregate of a new session
   * @param merger combines the aggregates of sessions a record joins
   * @return the aggregate per key and session
   */
  KTable<Windowed<K>, VOut> aggregate(Initializer<VOut> initializer, Merger<? super K, VOut> merger);

  /**
   * @param initializer the aggregate of a new session
   * @param merger combines the aggregates of sessions a record joins
   * @param materialized the store's name, serdes, retention, caching and logging
   * @return the aggregate per key and session
   */
  KTable<Windowed<K>, VOut> aggregate(Initializer<VOut> initializer,
      Merger<? super K, VOut> merger,
      Materialized<K, VOut, SessionStore<Bytes, byte[]>> materialized);

  /**
   * @param initializer the aggregate of a new session
   * @param merger combines the aggregates of sessions a record joins
   * @param named the name of the aggregation
   * @param materialized the store's name, serdes, retention, caching and logging
   * @return the aggregate per key and session
   */
  KTable<Windowed<K>, VOut> aggregate(Initializer<VOut> initializer,
      Merger<? super K, VOut> merger, Named named,
      Materialized<K, VOut, SessionStore<Bytes, byte[]>> materialized);
}
