package io.sluice.dsl.internals;

import org.apache.kafka.common.serialization.Serde;

/**
 * What a windowed or cogrouped aggregation needs from the grouped stream it aggregates: the graph,
 * the node to read from (after a repartition, if the key changed upstream) and the known serdes.
 *
 * @param <K> key type
 * @param <V> value type
 */
interface GroupedInput<K, V> {
  /** @return the graph the aggregation is added to */
  InternalStreamsBuilder builder();

  /**
   * @param operatorName the aggregation's name, which names a repartition topic if one is needed
   * @return the node the aggregation processor reads from
   */
  GraphNode input(String operatorName);

  /** @return the key serde, or {@code null} for the default */
  Serde<K> keySerde();

  /** @return the value serde, or {@code null} for the default */
  Serde<V> valueSerde();
}
