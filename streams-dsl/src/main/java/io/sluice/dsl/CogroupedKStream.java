package io.sluice.dsl;

import io.sluice.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * Several grouped streams with the same key type aggregated into one table, each with its own
 * aggregator, all folding into one shared aggregate per key (and window, once {@code windowedBy}).
 * Records with a null key are dropped and reported.
 *
 * @param <K> key type
 * @param <VOut> aggregate type
 */
public interface CogroupedKStream<K, VOut> {

  /**
   * Adds another grouped stream.
   *
   * @param groupedStream a grouped stream of the same builder and key type
   * @param aggregator folds its records into the shared aggregate
   * @param <VIn> its value type
   * @return this cogroup with the stream added
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the stream was already added or comes from another builder
   */
  <VIn> CogroupedKStream<K, VOut> cogroup(KGroupedStream<K, VIn> groupedStream,
      Aggregator<? super K, ? super VIn, VOut> aggregator);

  /**
   * @param initializer the aggregate of a key before its first record
   * @return the aggregate per key
   */
  KTable<K, VOut> aggregate(Initializer<VOut> initializer);

  /**
   * @param initializer the aggregate of a key before its first record
   * @param named the name of the aggregation; its processors are {@code <name>-cogroup-agg-<i>}
   *     and {@code <name>-cogroup-merge}
   * @return the aggregate per key
   */
  KTable<K, VOut> aggregate(Initializer<VOut> initializer, Named named);

  /**
   * @param initializer the aggregate of a key before its first record
   * @param materialized the store's name, serdes, caching and logging
   * @return the aggregate per key
   */
  KTable<K, VOut> aggregate(Initializer<VOut> initializer,
      Materialized<K, VOut, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param initializer the aggregate of a key before its first record
   * @param named the name of the aggregation
   * @param materialized the store's name, serdes, caching and logging
   * @return the aggregate per key
   */
  KTable<K, VOut> aggregate(Initializer<VOut> initializer, Named named,
      Materialized<K, VOut, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param windows tumbling or hopping windows
   * @return the cogroup aggregated per key and window
   */
  TimeWindowedCogroupedKStream<K, VOut> windowedBy(TimeWindows windows);

  /**
   * @param windows session windows
   * @return the cogroup aggregated per key and session
   */
  SessionWindowedCogroupedKStream<K, VOut> windowedBy(SessionWindows windows);
}
