package io.sluice.runtime;

import io.sluice.processor.StreamPartitioner;
import io.sluice.processor.Topology;
import io.sluice.runtime.internals.InstanceContext;
import io.sluice.runtime.internals.InstanceMetrics;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import io.sluice.runtime.internals.OffsetResetPolicies;
import io.sluice.runtime.internals.RestoreProgressLog;
import io.sluice.runtime.internals.StateDirectory;
import io.sluice.runtime.internals.ThreadState;
import io.sluice.runtime.internals.assignment.ProcessIdFile;
import io.sluice.runtime.internals.assignment.TopologyMetadata;
import io.sluice.runtime.internals.query.LocalTasks;
import io.sluice.runtime.internals.query.QueryMetadata;
import io.sluice.state.StateRestoreListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Time;

/**
 * A Sluice application instance running a {@link Topology} against Kafka: stream threads that
 * share the work of the application's consumer group ({@code application.id}), a global thread
 * for global stores, and the local state under {@code state.dir}. Start more instances with the
 * same {@code application.id} to scale out; close one to scale in.
 *
 * <p>States: CREATED → REBALANCING ⇄ RUNNING → PENDING_SHUTDOWN → NOT_RUNNING, or PENDING_ERROR →
 * ERROR after a fatal error (failed authentication, an assignment error such as a missing source
 * topic, a shutdown requested by another instance) or when the uncaught-exception handler answers
 * SHUTDOWN_CLIENT or SHUTDOWN_APPLICATION. Thread-safe.
 */
public final class StreamsApp implements AutoCloseable {
  /** The instance's state. */
  public enum State {
    /** Built, not started. */
    CREATED,
    /** Some stream thread is joining the group, rebalancing or restoring. */
    REBALANCING,
    /** Every stream thread runs its tasks. */
    RUNNING,
    /** Closing after {@link #close}. */
    PENDING_SHUTDOWN,
    /** Closed. */
    NOT_RUNNING,
    /** Closing after an error. */
    PENDING_ERROR,
    /** Stopped after an error; {@link #close} releases what is left. */
    ERROR
  }

  /** Told of every state change, on the thread that caused it. */
  @FunctionalInterface
  public interface StateListener {
    /** The instance moved from {@code oldState} to {@code newState}. */
    void onChange(State newState, State oldState);
  }

  /** The JMX domain of every Sluice MBean: {@code sluice:type=<group>,<tags>}. */
  public static final String JMX_DOMAIN = "sluice";

  private final StreamsConfig config;
  private final InternalTopologyBuilder builder;
  private final KafkaClientSupplier clients;
  private final Metrics metrics;
  private final StateDirectory stateDirectory;
  private final UUID processId;
  private final AppRuntime runtime;
  private final LocalTasks localTasks = new LocalTasks();
  private final RestoreProgressLog restoreLog = new RestoreProgressLog(Time.SYSTEM, 10_000L);
  private final InteractiveQueries queries;

  /**
   * An instance using plain Kafka clients.
   *
   * @throws org.apache.kafka.common.config.ConfigException if a setting is invalid or missing
   *     ({@code application.id}, {@code bootstrap.servers}), naming it, the value and what is
   *     valid
   */
  public StreamsApp(Topology topology, Properties props) {
    this(topology, props, KafkaClientSupplier.defaults());
  }

  /**
   * An instance whose Kafka clients come from {@code clients}.
   *
   * @throws org.apache.kafka.common.config.ConfigException if a setting is invalid or missing
   * @throws io.sluice.processor.TopologyException if the topology's sources give one topic two
   *     offset reset policies, or a repartition topic one other than earliest
   * @throws java.io.UncheckedIOException if the process id file under {@code state.dir} cannot be
   *     read or written
   */
  public StreamsApp(Topology topology, Properties props, KafkaClientSupplier clients) {
    this.config = new StreamsConfig(props);
    config.requireRuntimeSettings();
    this.clients = java.util.Objects.requireNonNull(clients, "clients");
    String appId = config.getString(StreamsConfig.APPLICATION_ID);
    this.builder = InternalTopologyBuilder.of(topology).resolvedFor(appId);
    OffsetResetPolicies.validate(TopologyMetadata.of(builder, appId),
        config.mainConsumerConfigs(appId, appId));
    String stateDir = config.getString(StreamsConfig.STATE_DIR);
    this.stateDirectory = new StateDirectory(stateDir, appId,
        config.getLong(StreamsConfig.STATE_CLEANUP_DELAY_MS), Time.SYSTEM);
    this.processId = ProcessIdFile.loadOrCreate(Path.of(stateDir), appId);
    String clientId = config.getString(StreamsConfig.CLIENT_ID);
    String prefix = clientId.isEmpty() ? appId + "-" + processId : clientId;
    // Every metric carries the client id, so two instances in one JVM publish distinct MBeans.
    this.metrics = new Metrics(new MetricConfig()
        .recordLevel(Sensor.RecordingLevel.forName(
            config.getString(StreamsConfig.METRICS_RECORDING_LEVEL)))
        .tags(java.util.Map.of("client-id", prefix)),
        java.util.List.of(new JmxReporter()), Time.SYSTEM,
        new KafkaMetricsContext(JMX_DOMAIN));
    this.runtime = new AppRuntime(this, prefix);
    InstanceMetrics.register(metrics, prefix, appId, processId.toString(),
        () -> runtime.state().name(), () -> runtime.threadStates().size());
    this.queries = new InteractiveQueries(runtime::state, localTasks,
        new QueryMetadata(builder.subtopologyViews(), builder.globalStoreNames(), selfHost()),
        this::globalStore,
        () -> runtime.instanceContext() == null ? null : runtime.instanceContext().admin());
  }

  private HostInfo selfHost() {
    String server = config.getString(StreamsConfig.APPLICATION_SERVER);
    return server == null || server.isEmpty() ? HostInfo.UNAVAILABLE : HostInfo.parse(server);
  }

  private io.sluice.state.StateStore globalStore(String name) {
    InstanceContext instance = runtime.instanceContext();
    return instance == null ? null : instance.globalStores().apply(name);
  }

  LocalTasks localTasks() {
    return localTasks;
  }

  StateRestoreListener restoreListener() {
    return restoreLog;
  }

  StreamsConfig config() {
    return config;
  }

  KafkaClientSupplier clients() {
    return clients;
  }

  Metrics metricsRegistry() {
    return metrics;
  }

  StateDirectory stateDirectory() {
    return stateDirectory;
  }

  TopologyMetadata topologyMetadata() {
    return TopologyMetadata.of(builder, config.getString(StreamsConfig.APPLICATION_ID));
  }

  /** Sets the state listener; call before {@link #start}. */
  public void setStateListener(StateListener listener) {
    runtime.setStateListener(listener);
  }

  /**
   * Sets the handler for exceptions that kill a stream thread; call before {@link #start}.
   *
   * @throws NullPointerException if {@code handler} is null
   */
  public void setUncaughtExceptionHandler(StreamsUncaughtExceptionHandler handler) {
    runtime.setUncaughtExceptionHandler(java.util.Objects.requireNonNull(handler, "handler"));
  }

  /**
   * Starts the instance: restores the global stores (blocking until they are complete) and
   * starts the stream threads, which join the group; the group leader creates or validates the
   * internal topics before it assigns tasks. A fatal error while starting (authentication, a
   * missing global source topic) puts the instance in ERROR; the cause is logged.
   *
   * @throws IllegalStateException if the instance is not CREATED
   */
  public void start() {
    runtime.start();
  }

  /** The current state. */
  public State state() {
    return runtime.state();
  }

  /** Closes and waits as long as it takes; see {@link #close(Duration)}. */
  @Override
  public void close() {
    close(Duration.ofMillis(Long.MAX_VALUE));
  }

  /**
   * Stops the instance: every stream thread commits, checkpoints and closes its tasks, and leaves
   * the group (so the other instances take over at once); then the global thread and clients
   * close. Safe to call in any state and more than once.
   *
   * @param timeout how long to wait for the threads to stop
   * @return whether everything stopped within {@code timeout} (the shutdown goes on if not);
   *     false when called from one of the instance's own threads, which cannot wait for
   *     themselves
   */
  public boolean close(Duration timeout) {
    return runtime.close(timeout);
  }

  /**
   * Deletes this application's local state (every task directory under {@code
   * state.dir/application.id}); the stores restore from their changelogs at the next start.
   *
   * @throws IllegalStateException if the instance is running (call it before {@link #start} or
   *     after {@link #close})
   * @throws io.sluice.state.StateStoreException if another process holds the directory
   */
  public void cleanUp() {
    State current = state();
    if (current != State.CREATED && current != State.NOT_RUNNING && current != State.ERROR) {
      throw new IllegalStateException("cleanUp() deletes local state and may only run before"
          + " start() or after close(), but the instance is " + current);
    }
    stateDirectory.cleanUp();
  }

  /**
   * Adds a stream thread while the instance runs; the group rebalances to give it tasks, and the
   * record cache is split anew across the threads.
   *
   * @return the new thread's name, or empty if the instance is not REBALANCING or RUNNING
   */
  public Optional<String> addStreamThread() {
    return runtime.addStreamThread();
  }

  /**
   * Stops one stream thread (committing and closing its tasks clean, leaving the group) and
   * waits for it; its tasks move to the remaining threads and instances.
   *
   * @return the removed thread's name, or empty if the instance is not REBALANCING or RUNNING
   *     or has no thread left
   */
  public Optional<String> removeStreamThread() {
    return runtime.removeStreamThread();
  }

  /**
   * The instance's metrics (instance, threads, tasks, stores, caches, restoration; see
   * docs/metrics.md) together with those of its Kafka clients (consumer lag is the main
   * consumers' {@code records-lag}), read-only. Sluice's own metrics are also MBeans in the JMX
   * domain {@value #JMX_DOMAIN}.
   */
  public Map<MetricName, ? extends Metric> metrics() {
    Map<MetricName, Metric> all = new java.util.LinkedHashMap<>(runtime.clientMetrics());
    all.putAll(metrics.metrics());
    return java.util.Collections.unmodifiableMap(all);
  }

  /** The persistent id of this instance, kept in {@code state.dir/application.id}. */
  public UUID processId() {
    return processId;
  }

  /**
   * Sets the listener told of the restoration of every store partition (active tasks, and
   * standbys catching up); call before {@link #start}. Restoration progress is also logged at
   * INFO, at most once per store partition every 10 s.
   *
   * @throws IllegalStateException if the instance was started
   * @throws NullPointerException if {@code listener} is null
   */
  public void setGlobalStateRestoreListener(StateRestoreListener listener) {
    java.util.Objects.requireNonNull(listener, "listener");
    if (state() != State.CREATED) {
      throw new IllegalStateException("setGlobalStateRestoreListener must be called before"
          + " start(); the instance is " + state());
    }
    restoreLog.setUserListener(listener);
  }

  /**
   * A read-only view of a store across this instance's tasks (active copies, and standbys with
   * {@link StoreQueryParameters#enableStaleStores()}); global stores are readable too. Each read
   * through the view looks at the tasks this instance holds at that moment.
   *
   * @throws StoreRebalancingException (retriable) while the instance is REBALANCING, and from the
   *     view's reads while a rebalance runs or the store's task is restoring or migrating
   * @throws InvalidStateStoreException if the store is unknown, not of the requested type, or the
   *     instance is not running
   */
  public <T> T store(StoreQueryParameters<T> params) {
    return queries.store(params);
  }

  /**
   * The instance holding the active copy of {@code key}'s partition of {@code storeName}, those
   * with standbys, and the partition, from the latest assignment; the key is partitioned like the
   * default producer partitioner does with {@code keySerializer}.
   *
   * <p>A global store is whole on every instance: the answer is this instance's {@code
   * application.server} ({@link HostInfo#UNAVAILABLE} if unset), no standbys, partition -1.
   *
   * @return the metadata, or {@link KeyQueryMetadata#NOT_AVAILABLE} before the first assignment
   *     or for a store the topology does not have
   */
  public <K> KeyQueryMetadata queryMetadataForKey(String storeName, K key,
      Serializer<K> keySerializer) {
    return queries.metadataForKey(storeName, key, keySerializer);
  }

  /**
   * Like {@link #queryMetadataForKey(String, Object, Serializer)}, for input written with a
   * custom {@code partitioner}.
   */
  public <K> KeyQueryMetadata queryMetadataForKey(String storeName, K key,
      StreamPartitioner<? super K, ?> partitioner) {
    return queries.metadataForKey(storeName, key, partitioner);
  }

  /**
   * Every instance of the application with an {@code application.server}, with its stores (the
   * global stores among each one's active stores) and partitions, from the latest assignment
   * (empty before the first).
   */
  public Collection<StreamsMetadata> metadataForAllStreamsClients() {
    return queries.allMetadata();
  }

  /**
   * The instances holding an active or standby copy of some partition of {@code storeName}; every
   * instance for a global store.
   */
  public Collection<StreamsMetadata> streamsMetadataForStore(String storeName) {
    return queries.metadataForStore(storeName);
  }

  /**
   * How far each local copy (active or standby) of each store partition is behind its
   * changelog, by store name and partition; running active copies have lag 0. Asks the brokers
   * for the changelogs' end offsets.
   *
   * @throws IllegalStateException before {@link #start}
   * @throws org.apache.kafka.common.KafkaException if the end offsets cannot be fetched in 30 s
   */
  public Map<String, Map<Integer, LagInfo>> allLocalStorePartitionLags() {
    return queries.lags();
  }

  /** The state of each live stream thread, by thread name (for tests and monitoring). */
  Map<String, ThreadState> threadStates() {
    return runtime.threadStates();
  }

  InstanceContext instanceContext() {
    return runtime.instanceContext();
  }
}
