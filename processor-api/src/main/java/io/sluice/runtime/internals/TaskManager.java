package io.sluice.runtime.internals;

import io.sluice.runtime.internals.query.LocalTasks;
import io.sluice.state.TaskId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active tasks of one stream thread: creates them (through the {@link TaskFactory}, with the
 * task directory locked) when the assignment brings them, feeds them polled records, pauses a
 * partition whose queue holds more than {@code buffered.records.per.partition} records and
 * resumes it once drained, runs processing and punctuation, and closes tasks clean or dirty.
 * Committing is the {@link Committer}'s job; the caller commits before a clean close.
 */
final class TaskManager {
  private static final Logger LOG = LoggerFactory.getLogger(TaskManager.class);
  /** Records a task processes in one turn before the next task gets its turn. */
  private static final int RECORDS_PER_TURN = 100;

  private final TaskFactory factory;
  private final StateDirectory stateDirectory;
  private final ThreadProducer producer;
  private final RestoreCoordinator restorer;
  private final Consumer<byte[], byte[]> consumer;
  private final int bufferLimit;
  private final Map<TaskId, StreamTask> tasks = new LinkedHashMap<>();
  private final Map<TaskId, StreamTask> standbys = new LinkedHashMap<>();
  private final Map<TopicPartition, StreamTask> byPartition = new HashMap<>();
  private final Set<TopicPartition> backpressured = new HashSet<>();
  private LocalTasks localTasks = new LocalTasks();

  TaskManager(TaskFactory factory, StateDirectory stateDirectory, ThreadProducer producer,
      RestoreCoordinator restorer, Consumer<byte[], byte[]> consumer, int bufferLimit) {
    this.factory = factory;
    this.stateDirectory = stateDirectory;
    this.producer = producer;
    this.restorer = restorer;
    this.consumer = consumer;
    this.bufferLimit = bufferLimit;
  }

  /** Reports task creation and closing to the instance's interactive-query registry. */
  void setLocalTasks(LocalTasks localTasks) {
    this.localTasks = localTasks;
  }

  /** Every task of the thread, in creation order. */
  Collection<StreamTask> tasks() {
    return List.copyOf(tasks.values());
  }

  /** The ids of the thread's tasks. */
  Set<TaskId> taskIds() {
    return Set.copyOf(tasks.keySet());
  }

  /**
   * Creates the tasks of {@code wanted} that the thread does not run yet, whose partitions the
   * consumer owns; each starts restoring with its partitions paused.
   *
   * @throws org.apache.kafka.common.errors.InterruptException never; lock conflicts throw {@link
   *     io.sluice.state.StateStoreException} naming the directory and its holder
   */
  void createTasks(Map<TaskId, Set<TopicPartition>> wanted) {
    Set<TopicPartition> owned = consumer.assignment();
    wanted.forEach((id, partitions) -> {
      if (tasks.containsKey(id) || !owned.containsAll(partitions) || partitions.isEmpty()) {
        return;
      }
      StreamTask promoted = promoteStandby(id, partitions);
      StreamTask task = promoted != null ? promoted : newTask(id, partitions);
      task.useFetchLag(consumer::currentLag);
      tasks.put(id, task);
      partitions.forEach(tp -> byPartition.put(tp, task));
      restorer.add(task);
      localTasks.addActive(task);
      LOG.info("Created task {} for partitions {}", id, partitions);
    });
  }

  /** The partitions the main consumer owns now. */
  Set<TopicPartition> consumerAssignment() {
    return consumer.assignment();
  }

  private StreamTask newTask(TaskId id, Set<TopicPartition> partitions) {
    stateDirectory.lock(id);
    try {
      StreamTask task = factory.create(id, partitions, new KafkaRecordCollector(id, producer));
      task.initializeIfNeeded();
      return task;
    } catch (RuntimeException e) {
      stateDirectory.unlock(id);
      throw e;
    }
  }

  /** The standby of {@code id} made active (its stores stay open), or null if there is none. */
  private StreamTask promoteStandby(TaskId id, Set<TopicPartition> partitions) {
    StreamTask standby = standbys.remove(id);
    if (standby == null) {
      return null;
    }
    restorer.removeStandby(standby);
    if (!standby.inputPartitions().equals(partitions)) {
      // Built for other input partitions (pattern sources): start over, keeping the checkpoint.
      closeStandby(standby);
      return null;
    }
    LOG.info("Promoting standby task {} to active", id);
    return standby;
  }

  /**
   * Creates the standby (and warm-up) tasks of {@code wanted} the thread does not keep yet, and
   * closes those no longer wanted (clean: their checkpoint is written). A standby of a task this
   * thread runs as active is ignored.
   */
  void updateStandbys(Map<TaskId, Set<TopicPartition>> wanted) {
    for (StreamTask standby : List.copyOf(standbys.values())) {
      if (!wanted.containsKey(standby.id())) {
        standbys.remove(standby.id());
        restorer.removeStandby(standby);
        closeStandby(standby);
      }
    }
    for (TaskId id : wanted.keySet()) {
      if (standbys.containsKey(id) || tasks.containsKey(id)) {
        continue;
      }
      Set<TopicPartition> inputs = new HashSet<>();
      factory.sourceTopics(id.subtopology())
          .forEach(topic -> inputs.add(new TopicPartition(topic, id.partition())));
      StreamTask standby = newTask(id, inputs);
      standbys.put(id, standby);
      restorer.addStandby(standby);
      localTasks.addStandby(standby);
      LOG.info("Created standby task {}", id);
    }
  }

  private void closeStandby(StreamTask standby) {
    localTasks.remove(standby);
    try {
      standby.closeClean();
    } catch (RuntimeException e) {
      LOG.warn("Closing standby task {} failed; closing it dirty", standby.id(), e);
      standby.closeDirty();
    } finally {
      stateDirectory.unlock(standby.id());
    }
  }

  /** The ids of the thread's standby tasks. */
  Set<TaskId> standbyIds() {
    return Set.copyOf(standbys.keySet());
  }

  /** Per standby task, the sum of its changelog positions (how far its stores have restored). */
  Map<TaskId, Long> standbyOffsetSums() {
    Map<TaskId, Long> sums = new HashMap<>();
    standbys.forEach((id, task) -> sums.put(id, task.stateManager().changelogOffsets().values()
        .stream().mapToLong(Long::longValue).sum()));
    return sums;
  }

  /** Closes every standby task (clean: with a checkpoint). */
  void closeStandbys() {
    for (StreamTask standby : List.copyOf(standbys.values())) {
      standbys.remove(standby.id());
      restorer.removeStandby(standby);
      closeStandby(standby);
    }
  }

  /** The tasks reading any of {@code partitions}. */
  List<StreamTask> tasksOf(Collection<TopicPartition> partitions) {
    Set<StreamTask> result = new HashSet<>();
    partitions.forEach(tp -> {
      StreamTask task = byPartition.get(tp);
      if (task != null) {
        result.add(task);
      }
    });
    return new ArrayList<>(result);
  }

  /** Buffers polled records in their tasks; pauses partitions over the buffer limit. */
  void addRecords(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition tp : records.partitions()) {
      StreamTask task = byPartition.get(tp);
      if (task == null) {
        LOG.debug("Dropping records of {}, which no task of this thread reads any more", tp);
        continue;
      }
      task.addRecords(tp, records.records(tp));
      if (task.numBuffered(tp) > bufferLimit && backpressured.add(tp)) {
        consumer.pause(Set.of(tp));
      }
    }
  }

  /** Whether a running task has buffered records. */
  boolean hasBuffered() {
    for (StreamTask task : tasks.values()) {
      if (task.state() == TaskState.RUNNING && task.numBuffered() > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Gives each running task one turn of up to {@value #RECORDS_PER_TURN} records, with
   * stream-time punctuation after each record.
   *
   * @return the records processed (or dropped by a handler)
   */
  int process(long nowMs) {
    int total = 0;
    for (StreamTask task : tasks.values()) {
      if (task.state() != TaskState.RUNNING) {
        continue;
      }
      for (int i = 0; i < RECORDS_PER_TURN && task.process(nowMs); i++) {
        task.maybePunctuateStreamTime();
        total++;
      }
    }
    return total;
  }

  /**
   * Runs the due wall-clock punctuators of every running task.
   *
   * @return the number of tasks that ran a punctuator
   */
  int punctuateWallClock() {
    int punctuated = 0;
    for (StreamTask task : tasks.values()) {
      punctuated += task.maybePunctuateSystemTime() ? 1 : 0;
    }
    return punctuated;
  }

  /** Resumes paused partitions whose queue fell to the buffer limit or below. */
  void resumeDrained() {
    if (backpressured.isEmpty()) {
      return;
    }
    Set<TopicPartition> drained = new HashSet<>();
    backpressured.removeIf(tp -> {
      StreamTask task = byPartition.get(tp);
      if (task == null) {
        return true;
      }
      if (task.numBuffered(tp) <= bufferLimit) {
        drained.add(tp);
        return true;
      }
      return false;
    });
    drained.retainAll(consumer.assignment());
    if (!drained.isEmpty()) {
      consumer.resume(drained);
    }
  }

  /** Whether a processor of some task asked for a commit (clears the requests). */
  boolean takeCommitRequests() {
    boolean requested = false;
    for (StreamTask task : tasks.values()) {
      requested |= task.takeCommitRequest();
    }
    return requested;
  }

  /** Closes tasks the caller has just committed: final checkpoint, stores closed, lock freed. */
  void closeClean(Collection<StreamTask> closing) {
    RuntimeException failure = null;
    for (StreamTask task : closing) {
      forget(task);
      try {
        task.closeClean();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
        task.closeDirty();
      } finally {
        stateDirectory.unlock(task.id());
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes tasks without committing (under exactly-once their local state is wiped). */
  void closeDirty(Collection<StreamTask> closing) {
    for (StreamTask task : closing) {
      forget(task);
      try {
        task.closeDirty();
      } finally {
        stateDirectory.unlock(task.id());
      }
    }
  }

  private void forget(StreamTask task) {
    tasks.remove(task.id());
    localTasks.remove(task);
    restorer.remove(task);
    task.inputPartitions().forEach(tp -> {
      byPartition.remove(tp, task);
      backpressured.remove(tp);
    });
  }
}
