package io.sluice.dsl.internals;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * Repartitions a join input whose key changed, with Kafka Streams' names and behaviour: topic
 * {@code <prefix>-repartition}; three counter values for the sink, filter and source names
 * (generated names when the prefix is generated, else {@code <topic>-sink}, {@code
 * <topic>-filter}, {@code <topic>-source}); and a filter node that keeps every record, those
 * without a key included, since a left or outer join still joins them (the join reports the ones
 * it drops). As in Kafka Streams, an unnamed join of a re-keyed stream reuses the latest
 * repartition topic declared for a join of that stream, whatever its name (the three names are
 * still drawn from the counter), while a named join, or the first one, declares its own.
 */
final class JoinRepartition {
  private static final String GENERATED = "KSTREAM.*-[0-9]{10}";

  private JoinRepartition() {}

  /**
   * @param builder the graph
   * @param parent the node whose records are repartitioned
   * @param prefix the topic name without {@code -repartition}: the parent's name for an unnamed
   *     join
   * @param keySerde the key serde, or {@code null} for the default
   * @param valueSerde the value serde, or {@code null} for the default
   * @return the source node reading the topic
   */
  static <K, V> GraphNode of(InternalStreamsBuilder builder, GraphNode parent, String prefix,
      Serde<K> keySerde, Serde<V> valueSerde) {
    String topic = prefix.endsWith(RepartitionNode.SUFFIX) ? prefix
        : prefix + RepartitionNode.SUFFIX;
    String sink = builder.newName(KStreamImpl.SINK);
    String filter = builder.newName(KStreamImpl.FILTER);
    String source = builder.newName(KStreamImpl.SOURCE);
    if (prefix.equals(parent.name())) {
      GraphNode shared = latest(parent);
      if (shared != null) {
        return shared;
      }
    }
    if (!prefix.matches(GENERATED)) {
      sink = topic + "-sink";
      filter = topic + "-filter";
      source = topic + "-source";
    }
    GraphNode keepAll = new FixedKeyProcessorNode<>(filter, List.of(parent),
        new KStreamPassThrough<K, V>(), List.of());
    builder.add(keepAll);
    GraphNode repartitioned = new RepartitionNode<>(source, sink, keepAll, topic, -1, keySerde,
        valueSerde, null);
    builder.add(repartitioned);
    return repartitioned;
  }

  /** @return the latest join repartition declared on {@code parent}, or {@code null} */
  private static GraphNode latest(GraphNode parent) {
    GraphNode latest = null;
    for (GraphNode keepAll : parent.children()) {
      if (keepAll instanceof FixedKeyProcessorNode<?, ?, ?>) {
        for (GraphNode child : keepAll.children()) {
          if (child instanceof RepartitionNode<?, ?>) {
            latest = child;
          }
        }
      }
    }
    return latest;
  }
}
