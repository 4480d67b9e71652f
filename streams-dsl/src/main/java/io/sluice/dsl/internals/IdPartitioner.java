package io.sluice.dsl.internals;

import io.sluice.dsl.KeyValueMapper;
import io.sluice.processor.StreamPartitioner;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Partitions records by an id extracted from them, hashed like Kafka's default partitioner hashes
 * keys (murmur2 of the serialized id), so that all records of an id land in one partition. A
 * {@code null} id leaves the choice to the default partitioning.
 */
final class IdPartitioner<K, V, ID> implements StreamPartitioner<K, V> {
  private final KeyValueMapper<? super K, ? super V, ? extends ID> idSelector;
  private final Serializer<ID> idSerializer;

  IdPartitioner(KeyValueMapper<? super K, ? super V, ? extends ID> idSelector,
      Serializer<ID> idSerializer) {
    this.idSelector = idSelector;
    this.idSerializer = idSerializer;
  }

  @Override
  public Optional<Integer> partition(String topic, K key, V value, int numPartitions) {
    ID id = idSelector.apply(key, value);
    if (id == null) {
      return Optional.empty();
    }
    byte[] bytes = idSerializer.serialize(topic, id);
    return Optional.of(Utils.toPositive(Utils.murmur2(bytes)) % numPartitions);
  }
}
