package io.sluice.runtime.internals;

import io.sluice.runtime.internals.ChangelogPartitionState.Phase;
import io.sluice.state.StateRestoreListener;
import io.sluice.state.StateStore;
import io.sluice.state.TaskId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores RESTORING tasks' stores from their changelogs with a restore consumer, step by step, so
 * a stream thread can keep polling its main consumer in between: {@link #register} a task, call
 * {@link #restore} repeatedly (one poll each) until it returns the task, then complete the task's
 * restoration; {@link #unregister} a task that leaves before that.
 *
 * <p>Each changelog partition starts at the offset its task's checkpoint gave (the next offset
 * to read) for a persistent store, else at the beginning of the log, and ends at the end offset
 * captured when its restoration starts. It is complete when the consumer's position reaches that
 * end, never by waiting for a record at {@code end - 1}: transaction markers and aborted records
 * take offsets that {@code read_committed} never returns. Under {@code read_committed} the end
 * offset is the last stable offset: restoration stops before any transaction still open, whose
 * writes are not committed state. A checkpointed offset outside {@code
 * [beginning, end]} or an {@link OffsetOutOfRangeException} is logged; the store is wiped and
 * reopened ({@link ProcessorStateManager#wipeAndReregister}) and restored from the beginning.
 *
 * <p>The restore consumer belongs to the caller, who creates it with {@code
 * isolation.level=read_committed} (so aborted writes never reach a store), {@code
 * auto.offset.reset=none} (so a truncated log raises {@link OffsetOutOfRangeException} instead of
 * silently skipping records), no group id and no auto-commit. This class only assigns, seeks and
 * polls it. Not thread-safe: one stream thread drives it.
 */
public final class StoreChangelogReader {
  private static final Logger LOG = LoggerFactory.getLogger(StoreChangelogReader.class);

  private final Consumer<byte[], byte[]> consumer;
  private final StateRestoreListener listener;
  private final Metrics metrics;
  private final Duration requestTimeout;
  private record RestoringTask(StreamTask task, List<ChangelogPartitionState> partitions) {}

  private final Map<TaskId, RestoringTask> tasks = new LinkedHashMap<>();
  private final Map<TaskId, RestoreMetrics> taskMetrics = new LinkedHashMap<>();
  private final Map<TopicPartition, ChangelogPartitionState> partitions = new LinkedHashMap<>();

  /**
   * @param consumer the restore consumer (see the class comment for its settings)
   * @param listener told of each store partition's start, batches and end
   * @param metrics where the restore metrics of each task are registered
   * @param requestTimeout how long offset lookups and position queries may block
   */
  public StoreChangelogReader(Consumer<byte[], byte[]> consumer, StateRestoreListener listener,
      Metrics metrics, Duration requestTimeout) {
    this.consumer = consumer;
    this.listener = listener;
    this.metrics = metrics;
    this.requestTimeout = requestTimeout;
  }

  /**
   * Starts restoring a task's logged stores. Its bounds are read in the next {@link #restore}.
   *
   * @throws IllegalStateException if the task is not RESTORING or is already registered
   */
  public void register(StreamTask task) {
    if (task.state() != TaskState.RESTORING) {
      throw new IllegalStateException("Task " + task.id() + " is " + task.state()
          + "; only a RESTORING task (after initializeIfNeeded) can be restored");
    }
    if (tasks.containsKey(task.id())) {
      throw new IllegalStateException("Task " + task.id() + " is already being restored");
    }
    List<ChangelogPartitionState> states = new ArrayList<>();
    task.stateManager().changelogPartitions().forEach((changelog, store) -> {
      ChangelogPartitionState state = new ChangelogPartitionState(task, changelog, store);
      states.add(state);
      partitions.put(changelog, state);
    });
    tasks.put(task.id(), new RestoringTask(task, states));
    taskMetrics.put(task.id(), new RestoreMetrics(metrics, task.id(),
        () -> states.stream().mapToLong(ChangelogPartitionState::remaining).sum()));
  }

  /**
   * Stops restoring a task (revoked or closed before it finished); its partitions leave the
   * consumer's assignment at once. Does nothing for a task not registered.
   */
  public void unregister(StreamTask task) {
    RestoringTask restoring = tasks.remove(task.id());
    if (restoring == null) {
      return;
    }
    restoring.partitions().forEach(state -> partitions.remove(state.changelog));
    RestoreMetrics removed = taskMetrics.remove(task.id());
    if (removed != null) {
      removed.close();
    }
    updateAssignment();
  }

  /** The tasks registered and not yet returned by {@link #restore}. */
  public Set<TaskId> restoringTasks() {
    return Set.copyOf(tasks.keySet());
  }

  /**
   * One round: reads the bounds of newly registered partitions, polls the restore consumer once
   * (for at most {@code pollTimeout}), writes what it returned to the stores, and checks which
   * partitions reached their end; finished partitions leave the consumer's assignment.
   *
   * @return the tasks whose changelogs are all restored, in registration order; they leave this
   *     reader, and the caller completes their restoration
   * @throws org.apache.kafka.common.KafkaException if the consumer fails (other than offsets out
   *     of range, which wipe and restart the store)
   */
  public List<StreamTask> restore(Duration pollTimeout) {
    initializeNewPartitions();
    updateAssignment();
    if (!consumer.assignment().isEmpty()) {
      seekWherePending();
      poll(pollTimeout);
      checkCompletion();
      updateAssignment();
    }
    return takeCompletedTasks();
  }

  /** Unregisters every task and releases the metrics; the consumer stays the caller's. */
  public void close() {
    taskMetrics.values().forEach(RestoreMetrics::close);
    taskMetrics.clear();
    tasks.clear();
    partitions.clear();
    consumer.assign(List.of());
  }

  private void initializeNewPartitions() {
    Set<TopicPartition> fresh = new LinkedHashSet<>();
    partitions.forEach((tp, state) -> {
      if (state.phase == Phase.NEW) {
        fresh.add(tp);
      }
    });
    if (fresh.isEmpty()) {
      return;
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(fresh, requestTimeout);
    Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(fresh, requestTimeout);
    for (TopicPartition tp : fresh) {
      ChangelogPartitionState state = partitions.get(tp);
      long begin = beginnings.getOrDefault(tp, 0L);
      state.endOffset = ends.getOrDefault(tp, 0L);
      state.startOffset = startOffset(state, begin);
      state.position = state.startOffset;
      if (state.startOffset >= state.endOffset) {
        state.phase = Phase.COMPLETED;
        state.task.stateManager().restorationComplete(tp, state.endOffset);
        LOG.debug("Task {}: store '{}' is up to date with {} at offset {}",
            state.task.id(), state.storeName, tp, state.endOffset);
      } else {
        state.phase = Phase.RESTORING;
        state.seek = true;
        LOG.info("Task {}: restoring store '{}' from {} offsets {} to {}",
            state.task.id(), state.storeName, tp, state.startOffset, state.endOffset);
        notifyStart(state);
      }
    }
  }

  private void notifyStart(ChangelogPartitionState state) {
    try {
      listener.onRestoreStart(
          state.changelog, state.storeName, state.startOffset, state.endOffset);
    } catch (RuntimeException e) {
      LOG.warn("The restore listener failed on the start of {}; restoration goes on",
          state.changelog, e);
    }
  }

  private long startOffset(ChangelogPartitionState state, long begin) {
    ProcessorStateManager manager = state.task.stateManager();
    StateStore store = manager.store(state.storeName);
    // A resumed task continues from where its open store is; a new one from its checkpoint.
    Long live = manager.livePosition(state.changelog);
    Long checkpointed = live != null ? live : manager.checkpointedOffset(state.changelog);
    if (checkpointed == null || store == null || (live == null && !store.persistent())) {
      return begin;
    }
    if (checkpointed < begin || checkpointed > state.endOffset) {
      LOG.warn("Task {}: the checkpointed offset {} of store '{}' is outside its changelog {}"
          + " (offsets {} to {}); wiping the store and restoring it from the beginning",
          state.task.id(), checkpointed, state.storeName, state.changelog, begin,
          state.endOffset);
      manager.wipeAndReregister(state.storeName);
      return begin;
    }
    return checkpointed;
  }

  private void updateAssignment() {
    Set<TopicPartition> wanted = new HashSet<>();
    partitions.forEach((tp, state) -> {
      if (state.phase == Phase.RESTORING) {
        wanted.add(tp);
      }
    });
    if (!wanted.equals(consumer.assignment())) {
      consumer.assign(wanted);
    }
  }

  private void seekWherePending() {
    for (ChangelogPartitionState state : partitions.values()) {
      if (state.phase == Phase.RESTORING && state.seek) {
        consumer.seek(state.changelog, state.startOffset);
        state.seek = false;
      }
    }
  }

  private void poll(Duration pollTimeout) {
    ConsumerRecords<byte[], byte[]> records;
    try {
      records = consumer.poll(pollTimeout);
    } catch (OffsetOutOfRangeException e) {
      restartFromBeginning(e.offsetOutOfRangePartitions().keySet());
      return;
    }
    for (TopicPartition tp : records.partitions()) {
      ChangelogPartitionState state = partitions.get(tp);
      if (state == null || state.phase != Phase.RESTORING) {
        continue;
      }
      List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
        if (record.offset() < state.endOffset) {
          batch.add(record);
        }
      }
      if (batch.isEmpty()) {
        continue;
      }
      state.task.stateManager().restore(tp, batch);
      long last = batch.get(batch.size() - 1).offset();
      state.position = last + 1;
      state.restored += batch.size();
      taskMetrics.get(state.task.id()).recordRestored(batch.size());
      try {
        listener.onBatchRestored(tp, state.storeName, last, batch.size());
      } catch (RuntimeException e) {
        LOG.warn("The restore listener failed on a batch of {}; restoration goes on", tp, e);
      }
    }
  }

  private void restartFromBeginning(Set<TopicPartition> outOfRange) {
    Set<TopicPartition> ours = new LinkedHashSet<>(outOfRange);
    ours.retainAll(partitions.keySet());
    if (ours.isEmpty()) {
      return;
    }
    Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(ours, requestTimeout);
    for (TopicPartition tp : ours) {
      ChangelogPartitionState state = partitions.get(tp);
      LOG.warn("Task {}: offset {} of changelog {} is out of range (the log was truncated);"
          + " wiping store '{}' and restoring it from the beginning",
          state.task.id(), state.position, tp, state.storeName);
      state.task.stateManager().wipeAndReregister(state.storeName);
      state.startOffset = beginnings.getOrDefault(tp, 0L);
      state.position = state.startOffset;
      state.restored = 0;
      state.seek = true;
      notifyStart(state);
    }
  }

  private void checkCompletion() {
    for (ChangelogPartitionState state : partitions.values()) {
      if (state.phase != Phase.RESTORING || state.seek) {
        continue;
      }
      long position = consumer.position(state.changelog, requestTimeout);
      state.position = Math.max(state.position, position);
      if (position >= state.endOffset) {
        state.phase = Phase.COMPLETED;
        state.task.stateManager().restorationComplete(state.changelog, state.endOffset);
        LOG.info("Task {}: restored {} records of store '{}' from {}",
            state.task.id(), state.restored, state.storeName, state.changelog);
        try {
          listener.onRestoreEnd(state.changelog, state.storeName, state.restored);
        } catch (RuntimeException e) {
          LOG.warn("The restore listener failed on the end of {}", state.changelog, e);
        }
      }
    }
  }

  private List<StreamTask> takeCompletedTasks() {
    List<StreamTask> completed = new ArrayList<>();
    tasks.values().removeIf(restoring -> {
      if (!restoring.partitions().stream().allMatch(s -> s.phase == Phase.COMPLETED)) {
        return false;
      }
      restoring.partitions().forEach(s -> partitions.remove(s.changelog));
      taskMetrics.remove(restoring.task().id()).close();
      completed.add(restoring.task());
      return true;
    });
    return completed;
  }
}
