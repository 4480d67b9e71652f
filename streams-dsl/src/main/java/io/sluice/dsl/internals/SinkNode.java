package io.sluice.dsl.internals;

import io.sluice.processor.StreamPartitioner;
import io.sluice.processor.TopicNameExtractor;
import io.sluice.processor.Topology;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes to one topic, or to the topic a {@link TopicNameExtractor} names per record. A null serde
 * means the application's default one.
 */
final class SinkNode<K, V> extends GraphNode {
  private final String topic;
  private final TopicNameExtractor<K, V> extractor;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private final StreamPartitioner<? super K, ? super V> partitioner;

  SinkNode(String name, GraphNode parent, String topic, TopicNameExtractor<K, V> extractor,
      Serde<K> keySerde, Serde<V> valueSerde, StreamPartitioner<? super K, ? super V> partitioner) {
    super(name, false, List.of(parent));
    this.topic = topic;
    this.extractor = extractor;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.partitioner = partitioner;
  }

  @Override
  void writeTo(Topology topology) {
    Serializer<K> keys = keySerde == null ? null : keySerde.serializer();
    Serializer<V> values = valueSerde == null ? null : valueSerde.serializer();
    if (extractor != null) {
      topology.addSink(name(), extractor, keys, values, partitioner, parentNames());
    } else {
      topology.addSink(name(), topic, keys, values, partitioner, parentNames());
    }
  }
}
