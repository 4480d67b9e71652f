package io.sluice.runtime.internals;

import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.StateStore;
import io.sluice.state.TaskId;
import io.sluice.state.internals.ThreadCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.record.TimestampType;

/**
 * The engine's synchronous driver, behind the testkit's {@code TopologyTestDriver}. It creates one
 * {@link StreamTask} per sub-topology (partition 0 of every topic) through the same {@link
 * TaskFactory} as the Kafka runtime, plus one task for the global stores, feeds piped records in,
 * and collects what the tasks send into in-memory topics. It has no processing logic of its own.
 *
 * <p>After each piped record: the record is processed; records sent to topics this topology reads
 * (repartition and other internal topics) are processed next, in the order they were sent; then
 * stream-time punctuation; then a commit of every task (flushing caches, which may send more).
 * Wall-clock punctuation runs only in {@link #advanceWallClockTime}, once per call.
 *
 * <p>The driver acts as one stream thread: its tasks share one {@link ThreadCache} of {@code
 * statestore.cache.max.bytes}. As it commits after every record, cached stores forward and log
 * their updates once per piped record.
 */
public final class SyncDriver implements AutoCloseable {
  /** The {@code application.id} used when the properties give none. */
  public static final String DEFAULT_APPLICATION_ID = "sluice-test-driver";

  private final ManualTime time;
  private final Metrics metrics = new Metrics();
  private final ThreadCache cache;
  private final StateDirectory stateDirectory;
  private final boolean ownStateDir;
  private final List<StreamTask> tasks = new ArrayList<>();
  private StreamTask globalTask;
  private final Map<String, StreamTask> taskByTopic = new LinkedHashMap<>();
  private final Map<String, Long> logEnd = new HashMap<>();
  private final Map<String, ArrayDeque<ProducerRecord<byte[], byte[]>>> outputs = new HashMap<>();
  private final Set<String> producedTopics = new TreeSet<>();
  private final ArrayDeque<ConsumerRecord<byte[], byte[]>> internalQueue = new ArrayDeque<>();
  private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
  private final List<String> patterns = new ArrayList<>();
  private boolean closed;

  /**
   * @param props application settings; {@code application.id} defaults to {@value
   *     #DEFAULT_APPLICATION_ID}, {@code state.dir} to a new temporary directory deleted by {@link
   *     #close()}
   * @param initialWallClockMs the wall clock's start, epoch milliseconds
   * @throws org.apache.kafka.common.config.ConfigException on invalid settings
   */
  public SyncDriver(Topology topology, Properties props, long initialWallClockMs) {
    Map<Object, Object> settings = new HashMap<>(props);
    settings.putIfAbsent(StreamsConfig.APPLICATION_ID, DEFAULT_APPLICATION_ID);
    ownStateDir = !settings.containsKey(StreamsConfig.STATE_DIR);
    if (ownStateDir) {
      settings.put(StreamsConfig.STATE_DIR, newTempDir());
    }
    StreamsConfig config = new StreamsConfig(settings);
    this.time = new ManualTime(initialWallClockMs);
    EngineConfig engineConfig = EngineConfig.from(config, metrics);
    this.stateDirectory = new StateDirectory(
        config.getString(StreamsConfig.STATE_DIR), engineConfig.applicationId());
    this.cache = new ThreadCache(
        config.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES), metrics, "sync-driver");
    DriverRecordCollector collector = new DriverRecordCollector(this::append);
    StreamTask[] global = new StreamTask[1];
    TaskFactory factory = new TaskFactory(
        InternalTopologyBuilder.of(topology).resolvedFor(engineConfig.applicationId()), engineConfig,
        stateDirectory, time, name -> global[0] == null ? null : global[0].store(name), cache);
    try {
      globalTask = factory.createGlobal(collector).orElse(null);
      global[0] = globalTask;
      if (globalTask != null) {
        start(globalTask);
      }
      for (int sub = 0; sub < factory.subtopologyCount(); sub++) {
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        factory.sourceTopics(sub).stream().sorted()
            .forEach(topic -> partitions.add(new TopicPartition(topic, 0)));
        StreamTask task = factory.create(new TaskId(sub, 0), partitions, collector);
        tasks.add(task);
        start(task);
      }
    } catch (RuntimeException e) {
      allTasks().forEach(StreamTask::closeDirty);
      cache.close();
      metrics.close();
      deleteOwnStateDir();
      throw e;
    }
  }

  /**
   * The task reading {@code topic}, or {@code null}. A topic first seen that a pattern source
   * matches is added to that source's task as a new input partition.
   */
  private StreamTask taskFor(String topic) {
    StreamTask task = taskByTopic.get(topic);
    if (task == null) {
      for (StreamTask candidate : allTasks()) {
        if (candidate.reads(topic)) {
          candidate.addInputPartition(new TopicPartition(topic, 0));
          taskByTopic.put(topic, candidate);
          return candidate;
        }
      }
    }
    return task;
  }

  private void start(StreamTask task) {
    task.initializeIfNeeded();
    task.completeRestoration();
    task.inputPartitions().forEach(tp -> taskByTopic.put(tp.topic(), task));
    patterns.addAll(task.sourcePatterns());
  }

  private static String newTempDir() {
    try {
      return Files.createTempDirectory("sluice-test-driver").toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary state directory", e);
    }
  }

  /** The tasks, one per sub-topology, in sub-topology order (the global task excluded). */
  public List<StreamTask> tasks() {
    return List.copyOf(tasks);
  }

  /** The task that keeps the global stores, if the topology has any. */
  public Optional<StreamTask> globalTask() {
    return Optional.ofNullable(globalTask);
  }

  /** The driver's wall clock, epoch milliseconds. */
  public long wallClockMs() {
    return time.milliseconds();
  }

  /** The offsets committed last, per input partition. */
  public Map<TopicPartition, OffsetAndMetadata> committedOffsets() {
    return Map.copyOf(committed);
  }

  /**
   * Pipes one serialized record into the topology and processes it to completion.
   *
   * @param headers may be {@code null}
   * @throws IllegalArgumentException if no source of the topology reads {@code topic}; the
   *     message lists the topics that are read
   * @throws io.sluice.runtime.StreamsException if processing fails
   */
  public void pipe(String topic, byte[] key, byte[] value, long timestamp, Headers headers) {
    checkOpen();
    StreamTask task = taskFor(topic);
    if (task == null) {
      throw new IllegalArgumentException("Unknown topic '" + topic + "': no source of this"
          + " topology reads it. The topology reads " + new TreeSet<>(taskByTopic.keySet())
          + (patterns.isEmpty() ? "" : " and topics matching " + patterns));
    }
    long offset = nextOffset(topic);
    ConsumerRecord<byte[], byte[]> record = consumerRecord(topic, offset, timestamp, key, value,
        headers == null ? new RecordHeaders() : new RecordHeaders(headers.toArray()));
    task.addRecords(new TopicPartition(topic, 0), List.of(record));
    drain();
    allTasks().forEach(StreamTask::maybePunctuateStreamTime);
    drain();
    commitUntilQuiet();
  }

  /**
   * Advances the wall clock, runs the wall-clock punctuators that are due (each once), processes
   * what they sent to internal topics, and commits.
   */
  public void advanceWallClockTime(long ms) {
    checkOpen();
    time.advance(ms);
    drain();
    allTasks().forEach(StreamTask::maybePunctuateSystemTime);
    drain();
    commitUntilQuiet();
  }

  /** Removes and returns the oldest unread record of {@code topic}, or {@code null}. */
  public ProducerRecord<byte[], byte[]> readOutput(String topic) {
    ArrayDeque<ProducerRecord<byte[], byte[]>> queue = outputs.get(topic);
    return queue == null ? null : queue.poll();
  }

  /** Unread records of {@code topic}. */
  public int outputSize(String topic) {
    ArrayDeque<ProducerRecord<byte[], byte[]>> queue = outputs.get(topic);
    return queue == null ? 0 : queue.size();
  }

  /** Every topic a record was sent to, including internal and changelog topics, sorted. */
  public Set<String> producedTopicNames() {
    return Set.copyOf(producedTopics);
  }

  /** A store of any task (global stores included), or {@code null}. */
  public StateStore stateStore(String name) {
    for (StreamTask task : allTasks()) {
      StateStore store = task.store(name);
      if (store != null) {
        return store;
      }
    }
    return null;
  }

  private List<StreamTask> allTasks() {
    List<StreamTask> all = new ArrayList<>();
    if (globalTask != null) {
      all.add(globalTask);
    }
    all.addAll(tasks);
    return all;
  }

  /** Processes everything buffered, then queued internal records one at a time, in FIFO order. */
  private boolean drain() {
    boolean processed = false;
    while (true) {
      for (StreamTask task : allTasks()) {
        while (task.process(time.milliseconds())) {
          processed = true;
        }
      }
      ConsumerRecord<byte[], byte[]> next = internalQueue.poll();
      if (next == null) {
        return processed;
      }
      taskFor(next.topic())
          .addRecords(new TopicPartition(next.topic(), next.partition()), List.of(next));
    }
  }

  private void commitUntilQuiet() {
    do {
      for (StreamTask task : allTasks()) {
        task.takeCommitRequest();
        committed.putAll(task.prepareCommit());
        task.postCommit(false);
      }
    } while (drain());
  }

  private long append(
      String topic, int partition, long timestamp, byte[] key, byte[] value, Headers headers) {
    long offset = nextOffset(topic);
    outputs.computeIfAbsent(topic, t -> new ArrayDeque<>())
        .add(new ProducerRecord<>(topic, partition, timestamp, key, value, headers));
    producedTopics.add(topic);
    if (taskFor(topic) != null) {
      internalQueue.add(consumerRecord(topic, offset, timestamp, key, value, headers));
    }
    return offset;
  }

  private long nextOffset(String topic) {
    return logEnd.merge(topic, 1L, Long::sum) - 1;
  }

  private static ConsumerRecord<byte[], byte[]> consumerRecord(
      String topic, long offset, long timestamp, byte[] key, byte[] value, Headers headers) {
    return new ConsumerRecord<>(topic, 0, offset, timestamp, TimestampType.CREATE_TIME,
        key == null ? -1 : key.length, value == null ? -1 : value.length, key, value, headers,
        Optional.empty());
  }

  private void deleteOwnStateDir() {
    if (ownStateDir) {
      stateDirectory.wipeAll();
      stateDirectory.appDir().getParentFile().delete();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("The test driver is closed");
    }
  }

  /** Closes every task cleanly and deletes the temporary state directory. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    for (StreamTask task : allTasks()) {
      try {
        committed.putAll(task.prepareCommit());
        task.closeClean();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
        // Close the stores (RocksDB) anyway before the state directory is deleted.
        try {
          task.closeDirty();
        } catch (RuntimeException dirty) {
          failure.addSuppressed(dirty);
        }
      }
    }
    cache.close();
    metrics.close();
    deleteOwnStateDir();
    if (failure != null) {
      throw failure;
    }
  }
}
