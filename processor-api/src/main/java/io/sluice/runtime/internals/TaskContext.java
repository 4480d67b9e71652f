package io.sluice.runtime.internals;

import io.sluice.processor.Cancellable;
import io.sluice.processor.PunctuationType;
import io.sluice.processor.Punctuator;
import io.sluice.state.StateRestoreCallback;
import io.sluice.state.StateStore;
import io.sluice.state.TaskId;
import io.sluice.state.internals.InternalStoreContext;
import io.sluice.state.internals.ProcessorRecordContext;
import io.sluice.state.internals.ThreadCache;
import java.io.File;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Time;

/**
 * The per-task environment shared by a task's processors and stores: identity, configuration,
 * stream time, the current record context, punctuation schedules, the state manager, the
 * record collector and the thread's record cache. Mutated only by the task's thread.
 */
public final class TaskContext implements InternalStoreContext {
  private static final ByteArraySerializer BYTES = new ByteArraySerializer();

  private final TaskId taskId;
  private final EngineConfig config;
  private final File stateDir;
  private final ProcessorStateManager stateManager;
  private final RecordCollector collector;
  private final Time time;
  private final TaskMetrics metrics;
  private final Function<String, StateStore> globalStores;
  private final ThreadCache cache;
  private final PunctuationQueue streamTimePunctuations = new PunctuationQueue();
  private final PunctuationQueue wallClockPunctuations = new PunctuationQueue();
  private final DeadLetters deadLetters;
  private ProcessorRecordContext recordContext;
  private ConsumerRecord<byte[], byte[]> currentRaw;
  private long streamTime = Long.MIN_VALUE;
  private boolean commitRequested;

  TaskContext(
      TaskId taskId, EngineConfig config, File stateDir, ProcessorStateManager stateManager,
      RecordCollector collector, Time time, TaskMetrics metrics,
      Function<String, StateStore> globalStores, ThreadCache cache) {
    this.taskId = taskId;
    this.config = config;
    this.stateDir = stateDir;
    this.stateManager = stateManager;
    this.collector = new HandledRecordCollector(collector, this);
    this.deadLetters = new DeadLetters(config.deadLetterTopic(), collector);
    this.time = time;
    this.metrics = metrics;
    this.globalStores = globalStores;
    this.cache = cache;
  }

  /** The record cache of the thread running this task, or {@code null} if it has none. */
  @Override
  public ThreadCache cache() {
    return cache;
  }

  TaskMetrics taskMetrics() {
    return metrics;
  }

  /** A global store by name, or {@code null}. */
  StateStore globalStore(String name) {
    return globalStores.apply(name);
  }

  @Override
  public String applicationId() {
    return config.applicationId();
  }

  @Override
  public TaskId taskId() {
    return taskId;
  }

  @Override
  public File stateDir() {
    return stateDir;
  }

  @Override
  public Map<String, Object> appConfigs() {
    return config.appConfigs();
  }

  @Override
  public Metrics metrics() {
    return config.metrics();
  }

  @Override
  public void register(StateStore store, StateRestoreCallback callback) {
    stateManager.registerStore(store, callback);
  }

  @Override
  public long currentStreamTimeMs() {
    return streamTime;
  }

  /** Moves stream time forward to {@code timestamp}; it never goes back. */
  void advanceStreamTime(long timestamp) {
    streamTime = Math.max(streamTime, timestamp);
  }

  long wallClockMs() {
    return time.milliseconds();
  }

  /**
   * The context of the record being processed or punctuated; {@code null} outside processing
   * (during init and between records), where store layers fall back to stream time.
   */
  @Override
  public ProcessorRecordContext recordContext() {
    return recordContext;
  }

  @Override
  public void setRecordContext(ProcessorRecordContext context) {
    this.recordContext = context;
  }

  @Override
  public void logChange(String storeName, Bytes key, byte[] value, long timestamp) {
    TopicPartition changelog = stateManager.changelogPartition(storeName).orElseThrow(
        () -> new IllegalStateException("Store '" + storeName + "' of task " + taskId
            + " has logging disabled, so it has no changelog to write to"));
    collector.send(changelog.topic(), key.get(), value, new RecordHeaders(),
        changelog.partition(), timestamp, BYTES, BYTES);
  }

  @Override
  public Serde<?> defaultKeySerde() {
    return config.defaultKeySerde();
  }

  @Override
  public Serde<?> defaultValueSerde() {
    return config.defaultValueSerde();
  }

  EngineConfig config() {
    return config;
  }

  RecordCollector collector() {
    return collector;
  }

  /** Where failed records go when a handler answers DEAD_LETTER. */
  DeadLetters deadLetters() {
    return deadLetters;
  }

  /** The raw input record being processed, or null (punctuation, between records). */
  ConsumerRecord<byte[], byte[]> currentRawRecord() {
    return currentRaw;
  }

  void setCurrentRawRecord(ConsumerRecord<byte[], byte[]> raw) {
    this.currentRaw = raw;
  }

  ProcessorStateManager stateManager() {
    return stateManager;
  }

  Cancellable schedule(
      ProcessorNode<?, ?, ?, ?> node, long intervalMs, PunctuationType type,
      Punctuator punctuator) {
    return type == PunctuationType.STREAM_TIME
        ? streamTimePunctuations.schedule(0L, intervalMs, node, punctuator)
        : wallClockPunctuations.schedule(wallClockMs() + intervalMs, intervalMs, node, punctuator);
  }

  PunctuationQueue punctuations(PunctuationType type) {
    return type == PunctuationType.STREAM_TIME ? streamTimePunctuations : wallClockPunctuations;
  }

  void requestCommit() {
    commitRequested = true;
  }

  /** Whether a processor asked for a commit since the last call; clears the request. */
  boolean takeCommitRequest() {
    boolean requested = commitRequested;
    commitRequested = false;
    return requested;
  }
}
