package io.sluice.runtime.internals.assignment;

import io.sluice.processor.Processor;
import io.sluice.processor.Topology;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import io.sluice.state.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topologies and cluster metadata for the assignment tests. */
final class Topologies {
  static final StringDeserializer DE = new StringDeserializer();
  static final StringSerializer SER = new StringSerializer();
  static final Node NODE = new Node(0, "localhost", 9092);

  private Topologies() {}

  /** input -> split -> count-repartition (-1) -> count (store "counts", logged) -> output. */
  static Topology wordCount() {
    Topology topology = new Topology()
        .addSource("in", DE, DE, "input")
        .addProcessor("split", Topologies::noop, "in")
        .addSink("to-rep", "count-repartition", SER, SER, "split")
        .addSource("rep", DE, DE, "count-repartition")
        .addProcessor("count", Topologies::noop, "rep")
        .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"),
            Serdes.String(), Serdes.Long()), "count")
        .addSink("out", "output", SER, SER, "count");
    InternalTopologyBuilder.of(topology).addInternalTopic("count-repartition", -1);
    return topology;
  }

  /** Sources {@code left} and {@code right} whose processors share store "joined". */
  static Topology join(String left, String right) {
    return new Topology()
        .addSource("l", DE, DE, left)
        .addSource("r", DE, DE, right)
        .addProcessor("pl", Topologies::noop, "l")
        .addProcessor("pr", Topologies::noop, "r")
        .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("joined"),
            Serdes.String(), Serdes.String()), "pl", "pr");
  }

  /** A new processor that ignores its input (a new instance per call, as suppliers must). */
  static <K, V> Processor<K, V, K, V> noop() {
    return new Processor<>() {
      @Override
      public void process(io.sluice.processor.Record<K, V> record) {}
    };
  }

  /** A cluster with the given topics and partition counts. */
  static Cluster cluster(Map<String, Integer> topics) {
    List<PartitionInfo> partitions = new ArrayList<>();
    topics.forEach((topic, count) -> {
      for (int p = 0; p < count; p++) {
        partitions.add(new PartitionInfo(topic, p, NODE, new Node[] {NODE}, new Node[] {NODE}));
      }
    });
    return new Cluster("cluster", List.of(NODE), partitions, java.util.Set.of(),
        java.util.Set.of());
  }
}
