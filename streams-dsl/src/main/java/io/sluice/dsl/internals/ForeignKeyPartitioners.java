package io.sluice.dsl.internals;

import io.sluice.processor.StreamPartitioner;
import java.util.Optional;
import org.apache.kafka.common.utils.Utils;

/**
 * Partitioners of a foreign-key join's internal topics, whose values are already serialized.
 */
final class ForeignKeyPartitioners {
  private ForeignKeyPartitioners() {}

  /**
   * Subscriptions go to the partition of their foreign key: the right table's partitioner if
   * given, else the default partitioning of the key. A subscription without a foreign key (a left
   * join's) is answered without state, so it goes by a hash of its bytes, which spreads them.
   *
   * @param otherPartitioner the right table's partitioner, or {@code null}
   * @param <KO> foreign key type
   */
  static <KO> StreamPartitioner<KO, byte[]> subscriptions(
      StreamPartitioner<KO, Void> otherPartitioner) {
    return (topic, foreignKey, value, partitions) -> {
      if (foreignKey == null) {
        return Optional.of(Utils.toPositive(Utils.murmur2(value)) % partitions);
      }
      return otherPartitioner == null
          ? Optional.empty() : otherPartitioner.partition(topic, foreignKey, null, partitions);
    };
  }

  /**
   * Responses go back to the partition their left row came from, as the subscription recorded
   * it; when that is unknown or out of range, by the left table's partitioner if given, else the
   * default partitioning of the key.
   *
   * @param partitioner the left table's partitioner, or {@code null}
   * @param <K> left key type
   */
  static <K> StreamPartitioner<K, byte[]> responses(StreamPartitioner<K, Void> partitioner) {
    return (topic, key, value, partitions) -> {
      int recorded = SubscriptionResponseSerde.primaryPartition(value);
      if (recorded >= 0 && recorded < partitions) {
        return Optional.of(recorded);
      }
      return partitioner == null
          ? Optional.empty() : partitioner.partition(topic, key, null, partitions);
    };
  }
}
