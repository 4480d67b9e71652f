package io.sluice.dsl;

import io.sluice.serdes.Windowed;
import io.sluice.state.WindowStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A cogroup aggregated per key and time window into one shared window store. Late
 * and null-key records are dropped and reported.
 *
 * @param <K> key type
 * @param <VOut> aggregate type
 */
public interface TimeWindowedCogroupedKStream<K, VOut> {

  /**
   * @param initializer the aggregate of an empty window
   * @return the aggregate per key and window
   */
  KTable<Windowed<K>, VOut> aggregate(Initializer<VOut> initializer);

  /**
   * @param initializer the aggregate of an empty window
   * @param materialized the store's name, serdes, retention, caching and logging
   * @return the aggregate per key and window
   */
  KTable<Windowed<K>, VOut> aggregate(Initializer<VOut> initializer,
      Materialized<K, VOut, WindowStore<Bytes, byte[]>> materialized);

  /**
   * @param initializer the aggregate of an empty window
   * @param named the name of the aggregation
   * @param materialized the store's name, serdes, retention, caching and logging
   * @return the aggregate per key and window
   */
  KTable<Windowed<K>, VOut> aggregate(Initializer<VOut> initializer, Named named,
      Materialized<K, VOut, WindowStore<Bytes, byte[]>> materialized);
}
