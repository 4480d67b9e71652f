package io.sluice.dsl.internals;

import io.sluice.processor.RecordTimestampExtractor;
import io.sluice.processor.SourceOptions;
import io.sluice.processor.StreamPartitioner;
import io.sluice.processor.Topology;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * A repartition topic: a sink writing the parent's records to the internal topic
 * {@code <prefix>-repartition} (the engine prefixes {@code <application.id>-}) and a source
 * reading it back, which is this node's name, so that records reach the next operator in the
 * partition of their key. The source reads each record's own timestamp. Serdes left {@code null}
 * are the application's defaults.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class RepartitionNode<K, V> extends GraphNode {
  static final String SUFFIX = "-repartition";

  private final String sinkName;
  private final String topic;
  private final int partitions;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private final StreamPartitioner<? super K, ? super V> partitioner;

  /**
   * @param sourceName the source's name, this node's name
   * @param sinkName the sink's name
   * @param parent the node whose records are repartitioned
   * @param topic the internal topic's relative name
   * @param partitions its partition count, or -1 for the upstream topics' count
   * @param partitioner chooses the partition, or {@code null} for the default
   */
  RepartitionNode(String sourceName, String sinkName, GraphNode parent, String topic,
      int partitions, Serde<K> keySerde, Serde<V> valueSerde,
      StreamPartitioner<? super K, ? super V> partitioner) {
    super(sourceName, List.of(parent), true);
    this.sinkName = sinkName;
    this.topic = topic;
    this.partitions = partitions;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.partitioner = partitioner;
  }

  /** @return the internal topic's relative name */
  String topic() {
    return topic;
  }

  /**
   * @return whether the topic is partitioned the default way: by key, with the upstream topics'
   *     partition count (the optimizer merges only such topics)
   */
  boolean defaultPartitioning() {
    return partitions == -1 && partitioner == null;
  }

  @Override
  void writeTo(Topology topology) {
    InternalTopologyBuilder.of(topology).addInternalTopic(topic, partitions);
    topology.addSink(sinkName, topic, keySerde == null ? null : keySerde.serializer(),
        valueSerde == null ? null : valueSerde.serializer(), partitioner, parentNames());
    topology.addSource(name(),
        SourceOptions.defaults().withTimestampExtractor(new RecordTimestampExtractor()),
        keySerde == null ? null : keySerde.deserializer(),
        valueSerde == null ? null : valueSerde.deserializer(), topic);
  }
}
