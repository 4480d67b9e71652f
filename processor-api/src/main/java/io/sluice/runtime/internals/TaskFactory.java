package io.sluice.runtime.internals;

import io.sluice.state.StateStore;
import io.sluice.state.StoreBuilder;
import io.sluice.state.TaskId;
import io.sluice.state.internals.ThreadCache;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;

/**
 * Builds tasks from a topology's definitions: for each task, fresh processors and stores, its
 * state manager, context and partition queues. Both drivers create their tasks here.
 */
public final class TaskFactory {
  private final InternalTopologyBuilder builder;
  private final List<InternalTopologyBuilder.SubtopologyDef> subtopologies;
  private final EngineConfig config;
  private final StateDirectory stateDirectory;
  private final Time time;
  private final Function<String, StateStore> globalStores;
  private final ThreadCache cache;

  /**
   * A factory whose tasks have no record cache: stores built with caching pass writes through.
   *
   * @param globalStores looks up the instance's global stores by name ({@code null} if none)
   */
  public TaskFactory(InternalTopologyBuilder builder, EngineConfig config,
      StateDirectory stateDirectory, Time time, Function<String, StateStore> globalStores) {
    this(builder, config, stateDirectory, time, globalStores, null);
  }

  /**
   * @param globalStores looks up the instance's global stores by name ({@code null} if none)
   * @param cache the record cache of the thread that runs the tasks, or {@code null} for none
   */
  public TaskFactory(InternalTopologyBuilder builder, EngineConfig config,
      StateDirectory stateDirectory, Time time, Function<String, StateStore> globalStores,
      ThreadCache cache) {
    this.builder = builder;
    this.subtopologies = builder.subtopologies();
    this.config = config;
    this.stateDirectory = stateDirectory;
    this.time = time;
    this.globalStores = globalStores;
    this.cache = cache;
  }

  /** The number of sub-topologies, i.e. of task groups. */
  public int subtopologyCount() {
    return subtopologies.size();
  }

  /** The source topics of sub-topology {@code id} (explicit names; patterns are not expanded). */
  public Set<String> sourceTopics(int id) {
    Set<String> topics = new HashSet<>();
    subtopologies.get(id).sources().forEach(s -> topics.addAll(s.topics()));
    return topics;
  }

  /**
   * The sub-topology whose source reads {@code topic} (by name or pattern), or -1 if none does.
   */
  public int subtopologyOf(String topic) {
    for (InternalTopologyBuilder.SubtopologyDef sub : subtopologies) {
      for (NodeDef.Source source : sub.sources()) {
        if (source.topics().contains(topic)
            || (source.pattern() != null && source.pattern().matcher(topic).matches())) {
          return sub.id();
        }
      }
    }
    return -1;
  }

  /**
   * A new task in state CREATED.
   *
   * @param inputPartitions the partitions it reads, one per source topic
   * @param collector where it sends output and changelog records
   */
  public StreamTask create(
      TaskId id, Set<TopicPartition> inputPartitions, RecordCollector collector) {
    return create(subtopologies.get(id.subtopology()), id, inputPartitions, collector);
  }

  /**
   * A task that runs the global sources and processors into the global stores, with id {@code
   * <sub-topology count>_0}, or empty if the topology has no global stores. The test driver runs
   * global state this way; the runtime's global thread will drive the same nodes.
   */
  public Optional<StreamTask> createGlobal(RecordCollector collector) {
    return builder.globalGroup(subtopologies.size()).map(group -> {
      Set<TopicPartition> partitions = new LinkedHashSet<>();
      group.sources().forEach(
          s -> s.topics().forEach(t -> partitions.add(new TopicPartition(t, 0))));
      return create(group, new TaskId(group.id(), 0), partitions, collector);
    });
  }

  private StreamTask create(InternalTopologyBuilder.SubtopologyDef sub, TaskId id,
      Set<TopicPartition> inputPartitions, RecordCollector collector) {
    Set<String> logged = new HashSet<>();
    Map<String, InternalTopologyBuilder.SourceChangelog> fromSources = new HashMap<>();
    for (String store : sub.stores()) {
      StoreBuilder<?> storeBuilder = builder.storeBuilder(store);
      if (storeBuilder.loggingEnabled()) {
        logged.add(store);
      }
      InternalTopologyBuilder.SourceChangelog source = builder.sourceChangelogs().get(store);
      if (source != null) {
        fromSources.put(store, source);
      }
    }
    File taskDir = stateDirectory.taskDir(id);
    ProcessorStateManager stateManager =
        new ProcessorStateManager(id, config.applicationId(), taskDir, logged, fromSources);
    TaskMetrics metrics = new TaskMetrics(config.metrics(), id);
    TaskContext context = new TaskContext(
        id, config, taskDir, stateManager, collector, time, metrics, globalStores, cache);
    stateManager.bindContext(context);
    ProcessorTopology topology = new ProcessorTopology(builder, sub.nodes(), sub.stores(), context);
    List<RecordQueue> queues = new ArrayList<>();
    for (TopicPartition partition : inputPartitions) {
      SourceNode source = topology.sourceFor(partition.topic());
      if (source == null) {
        throw new IllegalArgumentException("Sub-topology " + id.subtopology()
            + " has no source reading " + partition.topic() + "; its topics are "
            + sourceTopics(id.subtopology()));
      }
      queues.add(new RecordQueue(partition,
          new RecordDeserializer(source, context)));
    }
    return new StreamTask(id, topology, context,
        new PartitionGroup(queues, config.maxTaskIdleMs()), stateDirectory);
  }
}
