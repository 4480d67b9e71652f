package io.sluice.dsl.internals;

import io.sluice.processor.StreamPartitioner;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * Declares repartition topics with Kafka Streams' names, each after a filter that drops records
 * with a {@code null} key (they have no partition). The topic is {@code <prefix>-repartition}.
 * The sink, null-key filter and source names take three counter values whether used or not; they
 * are the generated {@code KSTREAM-SINK-}, {@code KSTREAM-FILTER-}, {@code KSTREAM-SOURCE-} names
 * when the prefix is itself generated ({@code KSTREAM...-<10 digits>}), else
 * {@code <topic>-sink}, {@code <topic>-filter}, {@code <topic>-source}.
 */
final class Repartitions {
  private static final String GENERATED = "KSTREAM.*-[0-9]{10}";

  private Repartitions() {}

  /**
   * Adds a repartition for a key-based operator: a filter dropping (and reporting) null keys,
   * then the topic.
   *
   * @param builder the graph
   * @param parent the node whose records are repartitioned
   * @param prefix the topic name without {@code -repartition}
   * @param operatorName the operator the records are repartitioned for, which reports the drops
   * @return the source node reading the topic
   */
  static <K, V> GraphNode forOperator(InternalStreamsBuilder builder, GraphNode parent,
      String prefix, String operatorName, Serde<K> keySerde, Serde<V> valueSerde) {
    Names names = names(builder, prefix);
    GraphNode filter = Repartitions.<K, V>filter(builder, parent, names, operatorName);
    GraphNode source = new RepartitionNode<>(names.source, names.sink, filter, names.topic, -1,
        keySerde, valueSerde, null);
    builder.add(source);
    return source;
  }

  /**
   * Adds a repartition of its own ({@code KStream.repartition}): a filter dropping (and
   * reporting, as the operator's drops) null keys, then the topic.
   *
   * @param operatorName the repartition operator's name
   * @param partitions the topic's partition count, or -1 for the upstream topics' count
   * @return the source node reading the topic
   */
  static <K, V> GraphNode plain(InternalStreamsBuilder builder, GraphNode parent,
      String operatorName, int partitions, Serde<K> keySerde, Serde<V> valueSerde,
      StreamPartitioner<? super K, ? super V> partitioner) {
    Names names = names(builder, operatorName);
    GraphNode filter = filter(builder, parent, names, operatorName);
    GraphNode source = new RepartitionNode<>(names.source, names.sink, filter, names.topic,
        partitions, keySerde, valueSerde, partitioner);
    builder.add(source);
    return source;
  }

  private static <K, V> GraphNode filter(InternalStreamsBuilder builder, GraphNode parent,
      Names names, String operatorName) {
    DropSpec drops = new DropSpec(operatorName);
    GraphNode filter = new ProcessorNode<>(names.filter, false, List.of(parent),
        new RepartitionFilter<K, V>(drops), List.of());
    builder.add(filter);
    builder.registerDropper(operatorName, filter, drops);
    return filter;
  }

  /**
   * Takes the counter values a repartition's names would take, for an operator that reuses an
   * existing repartition, so that later generated names match Kafka Streams'.
   */
  static void skipNames(InternalStreamsBuilder builder) {
    builder.newName(KStreamImpl.SINK);
    builder.newName(KStreamImpl.FILTER);
    builder.newName(KStreamImpl.SOURCE);
  }

  private record Names(String topic, String sink, String filter, String source) {}

  private static Names names(InternalStreamsBuilder builder, String prefix) {
    String topic =
        prefix.endsWith(RepartitionNode.SUFFIX) ? prefix : prefix + RepartitionNode.SUFFIX;
    String sink = builder.newName(KStreamImpl.SINK);
    String filter = builder.newName(KStreamImpl.FILTER);
    String source = builder.newName(KStreamImpl.SOURCE);
    if (prefix.matches(GENERATED)) {
      return new Names(topic, sink, filter, source);
    }
    return new Names(topic, topic + "-sink", topic + "-filter", topic + "-source");
  }
}
