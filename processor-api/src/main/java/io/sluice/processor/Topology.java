package io.sluice.processor;

import io.sluice.runtime.internals.FixedKeyProcessorAdapter;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import io.sluice.runtime.internals.NodeDefs;
import io.sluice.state.StoreBuilder;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A graph of sources, processors and sinks with their state stores, built node by node. Every
 * method validates at once and throws {@link TopologyException} with a message naming the node and
 * the fix; a topology that was built without error can be run.
 *
 * <p>Deserializers and serializers given as {@code null} mean the configured default serdes.
 */
public final class Topology {
  static {
    InternalTopologyBuilder.installAccess(topology -> topology.builder);
  }

  private final InternalTopologyBuilder builder = new InternalTopologyBuilder();

  /** An empty topology. */
  public Topology() {}

  /**
   * Adds a source reading {@code topics} with default options.
   *
   * @throws TopologyException on a duplicate name, no topics, or a topic another source reads
   */
  public Topology addSource(
      String name, Deserializer<?> keyDeserializer, Deserializer<?> valueDeserializer,
      String... topics) {
    return addSource(name, SourceOptions.defaults(), keyDeserializer, valueDeserializer, topics);
  }

  /**
   * Adds a source reading {@code topics}.
   *
   * @param options offset reset and timestamp extractor overrides
   * @throws TopologyException on a duplicate name, no topics, or a topic another source reads
   */
  public Topology addSource(
      String name, SourceOptions options, Deserializer<?> keyDeserializer,
      Deserializer<?> valueDeserializer, String... topics) {
    builder.addSource(name, options, keyDeserializer, valueDeserializer,
        topics == null ? List.of() : List.of(topics), null);
    return this;
  }

  /**
   * Adds a source reading every topic whose whole name matches {@code pattern}.
   *
   * @throws TopologyException on a duplicate name
   */
  public Topology addSource(
      String name, SourceOptions options, Deserializer<?> keyDeserializer,
      Deserializer<?> valueDeserializer, Pattern pattern) {
    Objects.requireNonNull(pattern, "pattern of source '" + name + "'");
    builder.addSource(name, options, keyDeserializer, valueDeserializer, List.of(), pattern);
    return this;
  }

  /**
   * Adds a processor below {@code parentNames}.
   *
   * @param supplier creates a new processor per task; the stores it returns from {@code stores()}
   *     are added and connected
   * @throws TopologyException on a duplicate name, a null supplier, a supplier returning the same
   *     instance twice, no parents, an unknown parent, or a sink as parent
   */
  public <KIn, VIn, KOut, VOut> Topology addProcessor(
      String name, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier, String... parentNames) {
    builder.addProcessor(name, supplier, supplier == null ? null : supplier::get, parentNames);
    return this;
  }

  /**
   * Adds a fixed-key processor below {@code parentNames}; validated like {@link #addProcessor}.
   */
  public <K, VIn, VOut> Topology addFixedKeyProcessor(
      String name, FixedKeyProcessorSupplier<K, VIn, VOut> supplier, String... parentNames) {
    builder.addProcessor(name, supplier == null ? null : FixedKeyProcessorAdapter.supplier(supplier),
        supplier == null ? null : supplier::get, parentNames);
    return this;
  }

  /**
   * Adds a sink writing to {@code topic}.
   *
   * @throws TopologyException on a duplicate name, no parents, an unknown parent, or a sink as
   *     parent
   */
  public <K, V> Topology addSink(
      String name, String topic, Serializer<K> keySerializer, Serializer<V> valueSerializer,
      String... parentNames) {
    return addSink(name, topic, keySerializer, valueSerializer, null, parentNames);
  }

  /** Adds a sink writing to {@code topic} with a partitioner ({@code null}: the default). */
  public <K, V> Topology addSink(
      String name, String topic, Serializer<K> keySerializer, Serializer<V> valueSerializer,
      StreamPartitioner<? super K, ? super V> partitioner, String... parentNames) {
    Objects.requireNonNull(topic, "topic of sink '" + name + "'");
    builder.addSink(NodeDefs.sink(name, topic, null, keySerializer, valueSerializer, partitioner,
        parentNames));
    return this;
  }

  /**
   * Adds a sink writing each record to the topic {@code extractor} picks, with a partitioner
   * ({@code null}: the default).
   */
  public <K, V> Topology addSink(
      String name, TopicNameExtractor<K, V> extractor, Serializer<K> keySerializer,
      Serializer<V> valueSerializer, StreamPartitioner<? super K, ? super V> partitioner,
      String... parentNames) {
    Objects.requireNonNull(extractor, "topic-name extractor of sink '" + name + "'");
    builder.addSink(NodeDefs.sink(name, null, extractor, keySerializer, valueSerializer,
        partitioner, parentNames));
    return this;
  }

  /**
   * Adds a store, connected to the named processors (more can be connected later).
   *
   * @throws TopologyException if a store of that name exists or a processor is unknown
   */
  public Topology addStateStore(StoreBuilder<?> storeBuilder, String... processorNames) {
    builder.addStateStore(storeBuilder, processorNames);
    return this;
  }

  /**
   * Lets {@code processorName} use the named stores. Processors that share a store are placed in
   * one sub-topology.
   *
   * @throws TopologyException if the processor or a store is unknown
   */
  public Topology connectProcessorAndStateStores(String processorName, String... storeNames) {
    builder.connectProcessorAndStores(processorName, storeNames);
    return this;
  }

  /**
   * Adds a global store: every instance reads all partitions of {@code topic} through a source
   * named {@code sourceName} into a processor named {@code processorName}, which writes the
   * store. The topic is the store's changelog, so the builder must have logging disabled.
   *
   * @param timestampExtractor {@code null} for the default
   * @throws TopologyException on duplicate names, logging enabled, or a topic already read
   */
  public <K, V> Topology addGlobalStore(
      StoreBuilder<?> storeBuilder, String sourceName, TimestampExtractor timestampExtractor,
      Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer, String topic,
      String processorName, ProcessorSupplier<K, V, Void, Void> stateUpdateSupplier) {
    SourceOptions options = timestampExtractor == null
        ? SourceOptions.defaults()
        : SourceOptions.defaults().withTimestampExtractor(timestampExtractor);
    Objects.requireNonNull(topic, "topic of global store source '" + sourceName + "'");
    builder.addGlobalStore(storeBuilder,
        NodeDefs.source(sourceName, options, keyDeserializer, valueDeserializer, topic),
        processorName, stateUpdateSupplier,
        stateUpdateSupplier == null ? null : stateUpdateSupplier::get);
    return this;
  }

  /** The sub-topologies, nodes, topics and stores of this topology. */
  public TopologyDescription describe() {
    return builder.describe();
  }

  @Override
  public String toString() {
    return describe().toString();
  }
}
