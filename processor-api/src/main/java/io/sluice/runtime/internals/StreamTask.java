package io.sluice.runtime.internals;

import io.sluice.processor.PunctuationType;
import io.sluice.processor.Punctuator;
import io.sluice.processor.Record;
import io.sluice.runtime.StreamsException;
import io.sluice.state.StateStore;
import io.sluice.state.TaskId;
import io.sluice.state.internals.ProcessorRecordContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An active task: one instance of a sub-topology bound to one partition of each of its source
 * topics. It owns its processor nodes, stores (through its {@link ProcessorStateManager}), stream
 * time, partition queues and punctuation schedules. Both the Kafka runtime and the test driver
 * drive this class; neither adds processing logic of its own.
 *
 * <p>Not thread-safe: a task is used by one thread at a time.
 */
public final class StreamTask {
  private static final Logger LOG = LoggerFactory.getLogger(StreamTask.class);
  /** Changelog records after which an at-least-once commit writes a new checkpoint. */
  static final long CHECKPOINT_MIN_RECORDS = 10_000L;

  private final TaskId id;
  private final ProcessorTopology topology;
  private final TaskContext context;
  private final PartitionGroup partitions;
  private final StateDirectory stateDirectory;
  private TaskState state = TaskState.CREATED;
  private boolean processorsInitialized;

  StreamTask(TaskId id, ProcessorTopology topology, TaskContext context, PartitionGroup partitions,
      StateDirectory stateDirectory) {
    this.id = id;
    this.topology = topology;
    this.context = context;
    this.partitions = partitions;
    this.stateDirectory = stateDirectory;
  }

  /** The task id. */
  public TaskId id() {
    return id;
  }

  /** The current state. */
  public TaskState state() {
    return state;
  }

  /** The input partitions this task reads. */
  public Set<TopicPartition> inputPartitions() {
    return partitions.partitions();
  }

  /**
   * Lets timestamp synchronisation tell an empty partition that is behind (records exist on the
   * broker but are not fetched yet: wait for them) from one that is caught up (the idle rules of
   * {@code max.task.idle.ms} apply). Without it, every partition counts as caught up, as in the
   * test driver, where piped records are queued at once.
   *
   * @param lag a partition's records between the consumer's position and the log end, or empty
   *     while unknown (the consumer's {@code currentLag}); called on the task's thread
   */
  public void useFetchLag(java.util.function.Function<TopicPartition, OptionalLong> lag) {
    partitions.useFetchLag(lag);
  }

  /** The task's state manager. */
  public ProcessorStateManager stateManager() {
    return context.stateManager();
  }

  /** The task's stream time (largest timestamp processed), or {@link Long#MIN_VALUE}. */
  public long streamTime() {
    return context.currentStreamTimeMs();
  }

  /** Records this task has processed (the {@code process-total} metric). */
  public double processedRecords() {
    return context.taskMetrics().processTotal();
  }

  /** Records this task has dropped through an exception handler. */
  public double droppedRecords() {
    return context.taskMetrics().droppedTotal();
  }

  /** A store of this task, or {@code null}. */
  public StateStore store(String name) {
    return context.stateManager().store(name);
  }

  private void transitionTo(TaskState target) {
    if (!state.canTransitionTo(target)) {
      throw new IllegalStateException(
          "Task " + id + " cannot go from " + state + " to " + target);
    }
    state = target;
  }

  /** CREATED → RESTORING: reads the checkpoint and opens the stores, which register themselves. */
  public void initializeIfNeeded() {
    if (state != TaskState.CREATED) {
      return;
    }
    transitionTo(TaskState.RESTORING);
    context.stateManager().initialize();
    for (StateStore store : topology.stores()) {
      store.init(context, store);
    }
  }

  /**
   * RESTORING → RUNNING: initialises the processors (once) and, under exactly-once, deletes the
   * checkpoint, since local state may now hold uncommitted writes.
   */
  public void completeRestoration() {
    transitionTo(TaskState.RUNNING);
    if (context.config().exactlyOnce()) {
      context.stateManager().deleteCheckpoint();
    }
    if (!processorsInitialized) {
      processorsInitialized = true;
      for (ProcessorNode<?, ?, ?, ?> node : topology.nodes()) {
        node.init(context);
      }
    }
  }

  /** The regular expressions of this task's pattern sources. */
  public List<String> sourcePatterns() {
    return topology.patterns();
  }

  /** Whether a source of this task reads {@code topic}, by name or by pattern. */
  public boolean reads(String topic) {
    return topology.sourceFor(topic) != null;
  }

  /**
   * Starts reading {@code partition}, a partition of a topic that one of this task's pattern
   * sources matches.
   *
   * @throws IllegalArgumentException if no source of this task reads the topic
   */
  public void addInputPartition(TopicPartition partition) {
    SourceNode source = topology.sourceFor(partition.topic());
    if (source == null) {
      throw new IllegalArgumentException(
          "Task " + id + " has no source reading topic '" + partition.topic() + "'");
    }
    partitions.addQueue(new RecordQueue(partition, new RecordDeserializer(source, context)));
  }

  /** Buffers raw records of one input partition. */
  public void addRecords(
      TopicPartition partition, Iterable<ConsumerRecord<byte[], byte[]>> records) {
    partitions.addRecords(partition, records);
  }

  /** Records buffered and not yet processed. */
  public int numBuffered() {
    return partitions.numBuffered();
  }

  /** Records buffered for one partition (for pausing partitions above the buffer limit). */
  public int numBuffered(TopicPartition partition) {
    return partitions.numBuffered(partition);
  }

  /**
   * Resumes each partition's time, and the task's stream time (their maximum), from the metadata
   * of committed offsets (written by {@link #prepareCommit()}), so a task that moved neither
   * reopens closed windows nor re-fires punctuation. Metadata written by others is ignored.
   */
  public void initializeStreamTime(Map<TopicPartition, OffsetAndMetadata> committed) {
    // KafkaConsumer.committed() maps partitions that were never committed to null.
    committed.forEach((partition, offset) -> {
      if (offset != null) {
        long time = StreamTimeMetadata.decode(offset.metadata());
        if (time != Long.MIN_VALUE) {
          partitions.initializePartitionTime(partition, time);
          context.advanceStreamTime(time);
        }
      }
    });
  }

  /**
   * Processes the buffered record with the lowest timestamp, if timestamp synchronisation allows.
   *
   * @param nowMs wall-clock time, for {@code max.task.idle.ms}
   * @return whether a record was processed (or dropped by a handler)
   * @throws IllegalStateException if the task is not RUNNING
   * @throws StreamsException if a handler answers FAIL
   */
  public boolean process(long nowMs) {
    if (state != TaskState.RUNNING) {
      throw new IllegalStateException("Task " + id + " is " + state + ", not RUNNING");
    }
    if (!partitions.readyToProcess(nowMs)) {
      context.taskMetrics().flush();
      return false;
    }
    StampedRecord stamped = partitions.nextRecord();
    if (stamped == null) {
      context.taskMetrics().flush();
      return false;
    }
    ConsumerRecord<Object, Object> in = stamped.record();
    context.advanceStreamTime(stamped.timestamp());
    // Record copies the headers it is given; most input has none, and then fresh empty headers
    // are the copy, without the arrays a copy of empty headers allocates.
    Record<Object, Object> record = in.headers().toArray().length == 0
        ? new Record<>(in.key(), in.value(), stamped.timestamp())
        : new Record<>(in.key(), in.value(), stamped.timestamp(), in.headers());
    context.setRecordContext(new ProcessorRecordContext(stamped.timestamp(), in.offset(),
        in.partition(), in.topic(), record.headers()));
    context.setCurrentRawRecord(stamped.raw());
    try {
      stamped.source().node().process(record);
    } finally {
      context.setRecordContext(null);
      context.setCurrentRawRecord(null);
    }
    partitions.markConsumed(stamped);
    context.taskMetrics().recordProcessed(stamped.timestamp(), nowMs);
    return true;
  }

  /** Runs stream-time punctuators that are due; returns whether any ran. */
  public boolean maybePunctuateStreamTime() {
    if (state != TaskState.RUNNING || context.currentStreamTimeMs() == Long.MIN_VALUE) {
      return false;
    }
    return context.punctuations(PunctuationType.STREAM_TIME)
        .mayPunctuate(context.currentStreamTimeMs(), this::punctuate);
  }

  /** Runs wall-clock punctuators that are due; returns whether any ran. */
  public boolean maybePunctuateSystemTime() {
    if (state != TaskState.RUNNING) {
      return false;
    }
    return context.punctuations(PunctuationType.WALL_CLOCK_TIME)
        .mayPunctuate(context.wallClockMs(), this::punctuate);
  }

  private void punctuate(ProcessorNode<?, ?, ?, ?> node, Punctuator punctuator, long time) {
    context.setRecordContext(
        new ProcessorRecordContext(Math.max(time, 0L), -1L, -1, null, new RecordHeaders()));
    try {
      punctuator.punctuate(time);
    } catch (StreamsException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StreamsException("A punctuator of processor '" + node.name() + "' in task " + id
          + " failed at time " + time + ": " + e, e);
    } finally {
      context.setRecordContext(null);
    }
  }

  /** Whether a processor asked for a commit since the last call; clears the request. */
  public boolean takeCommitRequest() {
    return context.takeCommitRequest();
  }

  /**
   * Flushes the record caches (forwarding their records) and the record collector, and returns
   * the input offsets to commit: the next offset to read per partition, with that partition's
   * time in the metadata. The stores themselves are synced only when a checkpoint is written
   * ({@link #postCommit}), which is rarer.
   */
  public Map<TopicPartition, OffsetAndMetadata> prepareCommit() {
    Map<TopicPartition, OffsetAndMetadata> offsets = prepareCommitUnflushed();
    flushOutput();
    return offsets;
  }

  /**
   * {@link #prepareCommit()} without flushing the record collector: for committers that prepare
   * every task sharing a producer first and then call {@link #flushOutput()}, so a commit waits
   * for the producer's acknowledgements once instead of once per task.
   */
  public Map<TopicPartition, OffsetAndMetadata> prepareCommitUnflushed() {
    if (state == TaskState.CREATED || state == TaskState.CLOSED) {
      throw new IllegalStateException("Task " + id + " is " + state + " and cannot commit");
    }
    flushStores();
    context.taskMetrics().flush();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    partitions.consumedOffsets().forEach((tp, offset) -> offsets.put(tp,
        new OffsetAndMetadata(offset + 1, StreamTimeMetadata.encode(partitions.partitionTime(tp)))));
    return offsets;
  }

  /**
   * Blocks until every record this task sent is acknowledged (its thread's producer flushes, so
   * other tasks' records too), and rethrows a failed send.
   *
   * @throws StreamsException or {@link TaskMigratedException} if a send failed
   */
  public void flushOutput() {
    context.collector().flush();
  }

  /**
   * Flushes the record caches in topological order of their processors; records that caches
   * forward carry their own record context.
   */
  private void flushStores() {
    try {
      context.stateManager().flushCache(topology.flushOrder());
    } finally {
      context.setRecordContext(null);
    }
  }

  /**
   * After the driver committed: updates changelog positions from the collector and writes the
   * checkpoint if {@code enforceCheckpoint}; otherwise only under at-least-once, and only when
   * there is none yet from this session or the changelogs moved at least {@value
   * #CHECKPOINT_MIN_RECORDS} records since the last one (a checkpoint costs a file write and
   * fsync; a stale one only means restoring a little more).
   */
  public void postCommit(boolean enforceCheckpoint) {
    ProcessorStateManager manager = context.stateManager();
    manager.updateChangelogOffsets(context.collector().offsets());
    if (enforceCheckpoint || (!context.config().exactlyOnce()
        && manager.changelogRecordsSinceCheckpoint() >= CHECKPOINT_MIN_RECORDS)) {
      manager.checkpoint();
    }
  }

  /**
   * For a standby task (which never runs): writes the checkpoint when the changelogs moved at least
   * {@value #CHECKPOINT_MIN_RECORDS} records since the last one. Restored data is committed data,
   * so this is safe under either guarantee.
   */
  public void checkpointIfDue() {
    if (context.stateManager().changelogRecordsSinceCheckpoint() >= CHECKPOINT_MIN_RECORDS) {
      context.stateManager().checkpoint();
    }
  }

  /** RUNNING or RESTORING → SUSPENDED: stops processing; stores stay open. */
  public void suspend() {
    if (state != TaskState.SUSPENDED) {
      transitionTo(TaskState.SUSPENDED);
    }
  }

  /** SUSPENDED → RESTORING, to catch up before running again. */
  public void resume() {
    transitionTo(TaskState.RESTORING);
  }

  /**
   * Closes with a final checkpoint (under either guarantee). The caller commits first ({@link
   * #prepareCommit()}, then its offsets): nothing is flushed here, so nothing written after that
   * commit (which under exactly-once would not be committed) can reach the checkpoint.
   */
  public void closeClean() {
    if (state == TaskState.CLOSED) {
      return;
    }
    boolean opened = state != TaskState.CREATED;
    suspend();
    if (opened) {
      postCommit(true);
    }
    closeProcessorsAndStores(true);
  }

  /**
   * Closes without flushing or checkpointing, after a failure; under exactly-once the task's
   * local state is deleted, as it may hold uncommitted writes.
   */
  public void closeDirty() {
    if (state == TaskState.CLOSED) {
      return;
    }
    suspend();
    try {
      closeProcessorsAndStores(false);
    } catch (RuntimeException e) {
      LOG.warn("Ignoring failure while closing task {} dirty", id, e);
    }
    if (context.config().exactlyOnce()) {
      stateDirectory.wipe(id);
    }
  }

  private void closeProcessorsAndStores(boolean rethrow) {
    RuntimeException failure = null;
    if (processorsInitialized) {
      for (ProcessorNode<?, ?, ?, ?> node : topology.nodes()) {
        try {
          node.close();
        } catch (RuntimeException e) {
          LOG.error("Closing processor '{}' of task {} failed", node.name(), id, e);
          failure = failure == null ? e : failure;
        }
      }
    }
    try {
      context.stateManager().close();
    } catch (RuntimeException e) {
      failure = failure == null ? e : failure;
    }
    context.taskMetrics().close();
    transitionTo(TaskState.CLOSED);
    if (failure != null && rethrow) {
      throw new StreamsException("Closing task " + id + " failed: " + failure, failure);
    }
  }
}
