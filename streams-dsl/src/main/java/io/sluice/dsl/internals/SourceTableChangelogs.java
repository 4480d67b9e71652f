package io.sluice.dsl.internals;

import io.sluice.processor.Topology;
import io.sluice.processor.TopologyDescription;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import io.sluice.serdes.ValueAndTimestampSerde;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Optimization: the store of a table read straight from a topic ({@code builder.table(topic)}, or
 * {@code stream(topic).toTable()}) holds what the topic holds, so the topic itself serves as its
 * changelog: the store's writes are no longer logged (no {@code -changelog} topic, no second copy
 * of the data) and it restores from the source topic, each value stamped with its record's
 * timestamp into the store's value-and-timestamp format.
 *
 * <p>As in Kafka Streams, this assumes the topic's bytes are what the store's serdes write (the
 * {@code Materialized} serdes are the {@code Consumed} ones), and restoration stamps records with
 * their own timestamp rather than an extracted one. Applies also when the store's logging was
 * disabled, since restoring from the source costs no extra topic.
 */
final class SourceTableChangelogs {
  private SourceTableChangelogs() {}

  /**
   * @param builder the graph, to find the source tables
   * @param topology the written topology, whose source tables' stores are switched over
   * @return the number of stores switched
   */
  static int apply(InternalStreamsBuilder builder, Topology topology) {
    Map<String, TopologyDescription.Node> described = new HashMap<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      sub.nodes().forEach(n -> described.put(n.name(), n));
    }
    InternalTopologyBuilder internal = InternalTopologyBuilder.of(topology);
    int switched = 0;
    for (GraphNode node : builder.nodes()) {
      if (!(node instanceof TableProcessorNode<?, ?, ?, ?>) || node.parents().size() != 1
          || !(node.parents().get(0) instanceof SourceNode source)) {
        continue;
      }
      List<String> stores = NamingCheck.stores(described.get(node.name()));
      String topic = singleTopic(described.get(source.name()));
      if (stores.size() == 1 && topic != null) {
        internal.useSourceTopicAsChangelog(stores.get(0), topic, SourceTableChangelogs::stamped);
        switched++;
      }
    }
    return switched;
  }

  private static String singleTopic(TopologyDescription.Node source) {
    String detail = source == null ? "" : source.detail();
    if (!detail.startsWith("topics: [") || detail.contains(",")) {
      return null;
    }
    return detail.substring("topics: [".length(), detail.length() - 1);
  }

  /** A source record as the store's changelog would hold it: value and timestamp. */
  static ConsumerRecord<byte[], byte[]> stamped(ConsumerRecord<byte[], byte[]> record) {
    byte[] value = ValueAndTimestampSerde.rawValueAndTimestamp(record.value(), record.timestamp());
    return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
        record.timestamp(), record.timestampType(), record.serializedKeySize(),
        value == null ? -1 : value.length, record.key(), value, record.headers(),
        record.leaderEpoch());
  }
}
