package io.sluice.dsl.internals;

import io.sluice.processor.StreamPartitioner;
import io.sluice.processor.Topology;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * Writes to an internal topic of the topology (a foreign-key join's subscription or response
 * topic), which it declares without a partition count: the assignor sizes it like the topics it
 * is co-partitioned with, else like the writing sub-topology's sources. Unlike {@link SinkNode}
 * it may have several parents.
 */
final class InternalTopicSinkNode<K, V> extends GraphNode {
  private final String topic;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private final StreamPartitioner<? super K, ? super V> partitioner;

  /**
   * @param topic the relative topic name (the engine prefixes the application id)
   * @param keySerde the key serde, or {@code null} for the default one
   * @param valueSerde the value serde, or {@code null} for the default one
   * @param partitioner picks each record's partition
   */
  InternalTopicSinkNode(String name, List<GraphNode> parents, String topic, Serde<K> keySerde,
      Serde<V> valueSerde, StreamPartitioner<? super K, ? super V> partitioner) {
    super(name, false, parents);
    this.topic = topic;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.partitioner = partitioner;
  }

  @Override
  void writeTo(Topology topology) {
    InternalTopologyBuilder.of(topology).addInternalTopic(topic, -1);
    topology.addSink(name(), topic, keySerde == null ? null : keySerde.serializer(),
        valueSerde == null ? null : valueSerde.serializer(), partitioner, parentNames());
  }
}
