package io.sluice.processor;

import java.util.Optional;

/**
 * Chooses the partition of each record a sink sends, instead of the producer's default (the hash
 * of the serialized key).
 *
 * @param <K> key type
 * @param <V> value type
 */
@FunctionalInterface
public interface StreamPartitioner<K, V> {
  /**
   * @param topic the destination topic
   * @param numPartitions its partition count
   * @return a partition in {@code [0, numPartitions)}, or empty for the default partitioning
   */
  Optional<Integer> partition(String topic, K key, V value, int numPartitions);
}
