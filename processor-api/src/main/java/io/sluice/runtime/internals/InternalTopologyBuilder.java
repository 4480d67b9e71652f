package io.sluice.runtime.internals;

import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.SourceOptions;
import io.sluice.processor.Topology;
import io.sluice.processor.TopologyDescription;
import io.sluice.processor.TopologyException;
import io.sluice.state.StoreBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The node and store definitions behind a {@link Topology}, validated as they are added. The
 * engine reads the definitions to instantiate tasks; {@link Topology} is a typed front for users.
 */
public final class InternalTopologyBuilder {
  private static volatile Function<Topology, InternalTopologyBuilder> access;

  private final Map<String, NodeDef> nodes = new LinkedHashMap<>();
  private final Map<String, List<String>> children = new HashMap<>();
  private final Map<String, StoreBuilder<?>> stores = new LinkedHashMap<>();
  private final Map<String, Set<String>> storesOfProcessor = new HashMap<>();
  private final Map<String, String> sourceOfTopic = new HashMap<>();
  private final List<GlobalStoreDef> globalStores = new ArrayList<>();
  private final Map<String, Integer> internalTopics = new LinkedHashMap<>();
  private final Map<String, SourceChangelog> sourceChangelogs = new LinkedHashMap<>();
  private String resolvedFor;

  /** A global store with the source and processor that feed it. */
  record GlobalStoreDef(StoreBuilder<?> builder, NodeDef.Source source, NodeDef.Proc processor) {}

  /**
   * One group of connected nodes.
   *
   * @param nodes in the order they were added
   * @param stores the names of the stores its processors use
   */
  record SubtopologyDef(int id, List<NodeDef> nodes, Set<String> stores) {
    List<NodeDef.Source> sources() {
      List<NodeDef.Source> result = new ArrayList<>();
      for (NodeDef node : nodes) {
        if (node instanceof NodeDef.Source source) {
          result.add(source);
        }
      }
      return result;
    }
  }

  /**
   * Called once by {@link Topology}'s class initialiser so the engine can reach a topology's
   * definitions without a public accessor on the API class.
   */
  public static void installAccess(Function<Topology, InternalTopologyBuilder> accessor) {
    if (access == null) {
      access = accessor;
    }
  }

  /** The definitions behind {@code topology}. */
  public static InternalTopologyBuilder of(Topology topology) {
    Objects.requireNonNull(topology, "topology");
    return access.apply(topology);
  }

  /**
   * Declares an internal topic (a repartition topic, say) that this topology both writes and
   * reads. Sources and sinks name it by its relative name; {@link #resolvedFor} prefixes it with
   * the application id, as the engine does before creating tasks.
   *
   * @param name the relative topic name, e.g. {@code count-repartition}
   * @param partitions the partition count, or -1 for as many as the source topics of the
   *     sub-topology that writes it
   * @throws TopologyException if the name is empty, the count is invalid, or the topic was
   *     declared before with another count
   */
  public void addInternalTopic(String name, int partitions) {
    if (name == null || name.isEmpty()) {
      throw new TopologyException("An internal topic needs a non-empty name");
    }
    if (partitions != -1 && partitions < 1) {
      throw new TopologyException("Internal topic '" + name + "' has " + partitions
          + " partitions; give a positive count, or -1 to follow the upstream topics");
    }
    Integer known = internalTopics.putIfAbsent(name, partitions);
    if (known != null && known != partitions) {
      throw new TopologyException("Internal topic '" + name + "' is declared with " + known
          + " and with " + partitions + " partitions; declare it once");
    }
  }

  /**
   * @return the internal topics (relative names, or full names once resolved) with their
   *     partition counts (-1: follow the upstream topics), in declaration order
   */
  public Map<String, Integer> internalTopics() {
    return java.util.Collections.unmodifiableMap(internalTopics);
  }

  /** @return the application id this builder's internal topics were resolved for, or null */
  public String resolvedApplicationId() {
    return resolvedFor;
  }

  /**
   * Returns the definitions with every internal topic named in full, {@code
   * <applicationId>-<name>}, in sources, sinks and {@link #internalTopics()}. Processors, suppliers
   * and store builders are shared with this builder, not copied.
   *
   * @param applicationId the application id
   * @return this builder when it declares no internal topic or is already resolved, else a copy
   */
  public InternalTopologyBuilder resolvedFor(String applicationId) {
    Objects.requireNonNull(applicationId, "applicationId");
    if (resolvedFor != null || internalTopics.isEmpty()) {
      return this;
    }
    Function<String, String> full =
        topic -> internalTopics.containsKey(topic) ? applicationId + "-" + topic : topic;
    InternalTopologyBuilder copy = new InternalTopologyBuilder();
    copy.resolvedFor = applicationId;
    for (NodeDef node : nodes.values()) {
      copy.nodes.put(node.name(), resolve(node, full));
    }
    children.forEach((name, list) -> copy.children.put(name, new ArrayList<>(list)));
    copy.stores.putAll(stores);
    storesOfProcessor.forEach((name, set) -> copy.storesOfProcessor.put(name,
        new LinkedHashSet<>(set)));
    sourceOfTopic.forEach((topic, source) -> copy.sourceOfTopic.put(full.apply(topic), source));
    for (GlobalStoreDef global : globalStores) {
      copy.globalStores.add(new GlobalStoreDef(global.builder(),
          (NodeDef.Source) copy.nodes.get(global.source().name()),
          (NodeDef.Proc) copy.nodes.get(global.processor().name())));
    }
    internalTopics.forEach((topic, count) -> copy.internalTopics.put(full.apply(topic), count));
    copy.sourceChangelogs.putAll(sourceChangelogs);
    return copy;
  }

  private static NodeDef resolve(NodeDef node, Function<String, String> full) {
    if (node instanceof NodeDef.Source source) {
      return new NodeDef.Source(source.name(), source.topics().stream().map(full).toList(),
          source.pattern(), source.keyDeserializer(), source.valueDeserializer(),
          source.options());
    }
    if (node instanceof NodeDef.Sink<?, ?> sink && sink.topic() != null) {
      return resolveSink(sink, full.apply(sink.topic()));
    }
    return node;
  }

  private static <K, V> NodeDef.Sink<K, V> resolveSink(NodeDef.Sink<K, V> sink, String topic) {
    return new NodeDef.Sink<>(sink.name(), topic, sink.extractor(), sink.keySerializer(),
        sink.valueSerializer(), sink.partitioner(), sink.parents());
  }

  /** Adds a source; see {@link Topology#addSource}. */
  public void addSource(
      String name,
      SourceOptions options,
      Deserializer<?> keyDeserializer,
      Deserializer<?> valueDeserializer,
      List<String> topics,
      Pattern pattern) {
    checkNewName(name);
    Objects.requireNonNull(options, "options of source '" + name + "'");
    if (pattern == null && topics.isEmpty()) {
      throw new TopologyException(
          "Source '" + name + "' has no topics; pass at least one topic name or a pattern");
    }
    for (String topic : topics) {
      if (topic == null || topic.isEmpty()) {
        throw new TopologyException(
            "Source '" + name + "' has a null or empty topic name; pass real topic names");
      }
      checkTopicFree(name, topic);
    }
    for (String topic : topics) {
      sourceOfTopic.put(topic, name);
    }
    nodes.put(
        name,
        new NodeDef.Source(
            name, List.copyOf(topics), pattern, keyDeserializer, valueDeserializer, options));
  }

  private void checkTopicFree(String name, String topic) {
    String other = sourceOfTopic.get(topic);
    if (other != null) {
      throw new TopologyException(
          "Source '" + name + "' reads topic '" + topic + "', which source '" + other
              + "' already reads; a topic can feed only one source, so add '" + name
              + "' as a child of '" + other + "' instead");
    }
  }

  /** Adds a processor; see {@link Topology#addProcessor}. */
  public void addProcessor(
      String name, ProcessorSupplier<?, ?, ?, ?> supplier, Supplier<?> rawSupplier,
      String... parents) {
    checkNewName(name);
    if (supplier == null || rawSupplier == null) {
      throw new TopologyException(
          "Processor '" + name + "' has a null supplier; pass a supplier that creates the processor");
    }
    Object first = rawSupplier.get();
    if (first == null || first == rawSupplier.get()) {
      throw new TopologyException(
          "The supplier of processor '" + name + "' returned " + (first == null ? "null" : "the"
              + " same instance twice") + "; get() must return a new processor on every call,"
              + " because each task needs its own");
    }
    List<String> parentList = checkParents(name, parents);
    nodes.put(name, new NodeDef.Proc(name, supplier, parentList));
    linkParents(name, parentList);
    storesOfProcessor.put(name, new LinkedHashSet<>());
    for (StoreBuilder<?> builder : supplier.stores()) {
      StoreBuilder<?> known = stores.get(builder.name());
      if (known == null) {
        addStateStore(builder);
      } else if (known != builder) {
        throw new TopologyException(
            "The supplier of processor '" + name + "' brings store '" + builder.name()
                + "', but another store of that name is already added; use one builder per name");
      }
      connectProcessorAndStores(name, builder.name());
    }
  }

  /** Adds a sink; see {@link Topology#addSink}. */
  public void addSink(NodeDef.Sink<?, ?> sink) {
    checkNewName(sink.name());
    if (sink.topic() == null && sink.extractor() == null) {
      throw new TopologyException(
          "Sink '" + sink.name() + "' has neither a topic nor a topic-name extractor; give one");
    }
    List<String> parents = checkParents(sink.name(), sink.parents().toArray(String[]::new));
    nodes.put(sink.name(), sink);
    linkParents(sink.name(), parents);
  }

  /**
   * A store whose changelog is one of the topology's source topics (a source table's store when
   * the DSL optimizes): its writes are not logged, and it restores from that topic, each record
   * first passed through {@code restoreConverter} (which may, say, add the record's timestamp to
   * the value bytes). Restoration reads the topic's partition of the task's partition number.
   *
   * @param topic the source topic
   * @param restoreConverter maps a source record to the changelog record the store expects
   */
  public record SourceChangelog(
      String topic, UnaryOperator<ConsumerRecord<byte[], byte[]>> restoreConverter) {}

  /**
   * Makes a source topic the changelog of a store: the store's logging is disabled and it
   * restores from {@code topic}; see {@link SourceChangelog}.
   *
   * @throws TopologyException if the store was not added or no source reads {@code topic}
   */
  public void useSourceTopicAsChangelog(String storeName, String topic,
      UnaryOperator<ConsumerRecord<byte[], byte[]>> restoreConverter) {
    StoreBuilder<?> builder = stores.get(storeName);
    if (builder == null || !sourceOfTopic.containsKey(topic)) {
      throw new TopologyException("Cannot use topic '" + topic + "' as the changelog of store '"
          + storeName + "': " + (builder == null ? "no such store (stores: " + stores.keySet()
          : "no source reads the topic (source topics: " + sourceOfTopic.keySet()) + ")");
    }
    builder.withLoggingDisabled();
    sourceChangelogs.put(storeName, new SourceChangelog(topic, restoreConverter));
  }

  /** @return the stores restored from a source topic, by store name */
  public Map<String, SourceChangelog> sourceChangelogs() {
    return java.util.Collections.unmodifiableMap(sourceChangelogs);
  }

  /** Adds a store and connects it; see {@link Topology#addStateStore}. */
  public void addStateStore(StoreBuilder<?> builder, String... processorNames) {
    Objects.requireNonNull(builder, "store builder");
    if (stores.containsKey(builder.name()) || isGlobalStore(builder.name())) {
      throw new TopologyException(
          "Store '" + builder.name() + "' is already added; store names must be unique, or"
              + " connect the existing store with connectProcessorAndStateStores");
    }
    stores.put(builder.name(), builder);
    for (String processor : processorNames) {
      connectProcessorAndStores(processor, builder.name());
    }
  }

  /** Connects stores to a processor; see {@link Topology#connectProcessorAndStateStores}. */
  public void connectProcessorAndStores(String processorName, String... storeNames) {
    if (!(nodes.get(processorName) instanceof NodeDef.Proc)) {
      throw new TopologyException(
          "Cannot connect stores " + List.of(storeNames) + " to '" + processorName + "': it is "
              + (nodes.containsKey(processorName) ? "not a processor" : "not in the topology")
              + "; add the processor first (processors: " + namesOf(NodeDef.Proc.class) + ")");
    }
    for (String store : storeNames) {
      if (!stores.containsKey(store)) {
        throw new TopologyException(
            "Cannot connect store '" + store + "' to processor '" + processorName
                + "': no such store; add it with addStateStore first (stores: " + stores.keySet()
                + ")");
      }
      storesOfProcessor.get(processorName).add(store);
    }
  }

  /** Adds a global store; see {@link Topology#addGlobalStore}. */
  public void addGlobalStore(
      StoreBuilder<?> builder, NodeDef.Source source, String processorName,
      ProcessorSupplier<?, ?, ?, ?> supplier, Supplier<?> rawSupplier) {
    Objects.requireNonNull(builder, "store builder");
    if (builder.loggingEnabled()) {
      throw new TopologyException(
          "Global store '" + builder.name() + "' has logging enabled; its source topic '"
              + source.topics() + "' is already its changelog, so call withLoggingDisabled()");
    }
    if (stores.containsKey(builder.name()) || isGlobalStore(builder.name())) {
      throw new TopologyException(
          "Store '" + builder.name() + "' is already added; store names must be unique");
    }
    addSource(source.name(), source.options(), source.keyDeserializer(),
        source.valueDeserializer(), source.topics(), null);
    addProcessor(processorName, supplier, rawSupplier, source.name());
    globalStores.add(new GlobalStoreDef(builder, source, (NodeDef.Proc) nodes.get(processorName)));
    storesOfProcessor.get(processorName).add(builder.name());
  }

  private boolean isGlobalStore(String name) {
    return globalStores.stream().anyMatch(g -> g.builder().name().equals(name));
  }

  private boolean isGlobalNode(String name) {
    return globalStores.stream()
        .anyMatch(g -> g.source().name().equals(name) || g.processor().name().equals(name));
  }

  private void checkNewName(String name) {
    if (name == null || name.isEmpty()) {
      throw new TopologyException("A node name is null or empty; give every node a unique name");
    }
    if (nodes.containsKey(name)) {
      throw new TopologyException(
          "Node '" + name + "' is already in the topology; give each source, processor and sink"
              + " a unique name");
    }
  }

  private List<String> checkParents(String name, String[] parents) {
    if (parents == null || parents.length == 0) {
      throw new TopologyException(
          "Node '" + name + "' has no parents; name at least one source or processor as parent");
    }
    for (String parent : parents) {
      NodeDef def = nodes.get(parent);
      if (def == null) {
        throw new TopologyException(
            "Node '" + name + "' names parent '" + parent + "', which is not in the topology;"
                + " add '" + parent + "' before '" + name + "' (nodes so far: " + nodes.keySet()
                + ")");
      }
      if (def instanceof NodeDef.Sink<?, ?>) {
        throw new TopologyException(
            "Node '" + name + "' names sink '" + parent + "' as parent, but a sink has no"
                + " children; use a processor or source as parent");
      }
      if (isGlobalNode(parent)) {
        throw new TopologyException(
            "Node '" + name + "' names '" + parent + "' as parent, but it feeds a global store"
                + " and cannot have other children; read the topic with a separate source");
      }
    }
    return List.of(parents);
  }

  private void linkParents(String name, List<String> parents) {
    for (String parent : parents) {
      children.computeIfAbsent(parent, p -> new ArrayList<>()).add(name);
    }
  }

  private List<String> namesOf(Class<?> kind) {
    return nodes.values().stream().filter(kind::isInstance).map(NodeDef::name).toList();
  }

  NodeDef node(String name) {
    return nodes.get(name);
  }

  List<String> childrenOf(String name) {
    return children.getOrDefault(name, List.of());
  }

  Set<String> storesOf(String processorName) {
    return storesOfProcessor.getOrDefault(processorName, Set.of());
  }

  /** The names of the global stores, in the order they were added. */
  public List<String> globalStoreNames() {
    return globalStores.stream().map(g -> g.builder().name()).toList();
  }

  StoreBuilder<?> storeBuilder(String name) {
    StoreBuilder<?> builder = stores.get(name);
    if (builder == null) {
      builder = globalStores.stream().map(GlobalStoreDef::builder)
          .filter(b -> b.name().equals(name)).findFirst().orElse(null);
    }
    return builder;
  }

  /**
   * The global sources, processors and stores as one group with the given id, which the test
   * driver runs as a task of its own; empty if there are no global stores.
   */
  Optional<SubtopologyDef> globalGroup(int id) {
    if (globalStores.isEmpty()) {
      return Optional.empty();
    }
    List<NodeDef> groupNodes = new ArrayList<>();
    Set<String> storeNames = new LinkedHashSet<>();
    for (GlobalStoreDef global : globalStores) {
      groupNodes.add(global.source());
      groupNodes.add(global.processor());
      storeNames.add(global.builder().name());
    }
    return Optional.of(new SubtopologyDef(id, groupNodes, storeNames));
  }

  List<GlobalStoreDef> globalStores() {
    return List.copyOf(globalStores);
  }

  /**
   * Groups the non-global nodes into sub-topologies: nodes linked as parent and child, or whose
   * processors share a store, belong together. Numbered by the order of each group's first source.
   */
  List<SubtopologyDef> subtopologies() {
    UnionFind groups = new UnionFind();
    for (NodeDef node : nodes.values()) {
      groups.add(node.name());
      node.parents().forEach(parent -> groups.union(parent, node.name()));
    }
    Map<String, String> firstUserOfStore = new HashMap<>();
    storesOfProcessor.forEach(
        (processor, names) -> names.forEach(
            store -> groups.union(firstUserOfStore.computeIfAbsent(store, s -> processor),
                processor)));
    Map<String, Integer> idOfRoot = new LinkedHashMap<>();
    for (NodeDef node : nodes.values()) {
      if (node instanceof NodeDef.Source && !isGlobalNode(node.name())) {
        idOfRoot.putIfAbsent(groups.find(node.name()), idOfRoot.size());
      }
    }
    List<List<NodeDef>> members = new ArrayList<>();
    idOfRoot.forEach((root, id) -> members.add(new ArrayList<>()));
    for (NodeDef node : nodes.values()) {
      Integer id = idOfRoot.get(groups.find(node.name()));
      if (id != null && !isGlobalNode(node.name())) {
        members.get(id).add(node);
      }
    }
    List<SubtopologyDef> result = new ArrayList<>();
    for (int id = 0; id < members.size(); id++) {
      Set<String> storeNames = new LinkedHashSet<>();
      members.get(id).forEach(n -> storeNames.addAll(storesOf(n.name())));
      result.add(new SubtopologyDef(id, List.copyOf(members.get(id)), storeNames));
    }
    return result;
  }

  /**
   * A sub-topology as the group assignor sees it.
   *
   * @param id the sub-topology id, the first part of its task ids
   * @param sourceTopics per source node, the topics it names (full names once resolved)
   * @param sourcePatterns per pattern source node, its pattern
   * @param storesReached per source node, the stores its records can reach
   * @param sinkTopics the fixed topics its sinks write (extractor sinks are not known)
   * @param stores its stores
   * @param loggedStores its stores with logging enabled
   */
  public record SubtopologyView(int id, Map<String, List<String>> sourceTopics,
      Map<String, Pattern> sourcePatterns, Map<String, Set<String>> storesReached,
      Set<String> sinkTopics, Set<String> stores, Set<String> loggedStores) {}

  /** @return a view of every non-global sub-topology, in id order */
  public List<SubtopologyView> subtopologyViews() {
    List<SubtopologyView> result = new ArrayList<>();
    for (SubtopologyDef sub : subtopologies()) {
      Map<String, List<String>> topics = new LinkedHashMap<>();
      Map<String, Pattern> patterns = new LinkedHashMap<>();
      Map<String, Set<String>> reached = new LinkedHashMap<>();
      Set<String> sinks = new LinkedHashSet<>();
      for (NodeDef node : sub.nodes()) {
        if (node instanceof NodeDef.Source source) {
          topics.put(source.name(), source.topics());
          if (source.pattern() != null) {
            patterns.put(source.name(), source.pattern());
          }
          reached.put(source.name(), storesBelow(source.name(), new HashSet<>()));
        } else if (node instanceof NodeDef.Sink<?, ?> sink && sink.topic() != null) {
          sinks.add(sink.topic());
        }
      }
      Set<String> logged = new LinkedHashSet<>();
      sub.stores().stream().filter(s -> storeBuilder(s).loggingEnabled()).forEach(logged::add);
      result.add(new SubtopologyView(sub.id(), topics, patterns, reached, sinks, sub.stores(),
          logged));
    }
    return result;
  }

  private Set<String> storesBelow(String name, Set<String> seen) {
    Set<String> found = new LinkedHashSet<>();
    if (seen.add(name)) {
      found.addAll(storesOf(name));
      childrenOf(name).forEach(child -> found.addAll(storesBelow(child, seen)));
    }
    return found;
  }

  /** The description {@link Topology#describe()} returns. */
  public TopologyDescription describe() {
    List<TopologyDescription.Subtopology> subs = new ArrayList<>();
    for (SubtopologyDef sub : subtopologies()) {
      subs.add(new TopologyDescription.Subtopology(
          sub.id(), sub.nodes().stream().map(this::describeNode).toList()));
    }
    List<TopologyDescription.GlobalStore> globals = new ArrayList<>();
    for (GlobalStoreDef global : globalStores) {
      globals.add(new TopologyDescription.GlobalStore(global.builder().name(),
          global.source().name(), global.source().topics().get(0), global.processor().name()));
    }
    return new TopologyDescription(subs, globals);
  }

  private TopologyDescription.Node describeNode(NodeDef node) {
    TopologyDescription.Kind kind;
    String detail;
    if (node instanceof NodeDef.Source source) {
      kind = TopologyDescription.Kind.SOURCE;
      detail = source.describeTopics();
    } else if (node instanceof NodeDef.Proc) {
      kind = TopologyDescription.Kind.PROCESSOR;
      detail = "stores: " + storesOf(node.name());
    } else {
      NodeDef.Sink<?, ?> sink = (NodeDef.Sink<?, ?>) node;
      kind = TopologyDescription.Kind.SINK;
      detail = sink.topic() != null ? "topic: " + sink.topic() : "topic: chosen by extractor";
    }
    return new TopologyDescription.Node(
        node.name(), kind, detail, node.parents(), childrenOf(node.name()));
  }
}
