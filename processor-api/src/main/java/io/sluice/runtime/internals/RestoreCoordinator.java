package io.sluice.runtime.internals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Brings new active tasks of one stream thread from RESTORING to RUNNING, and keeps its standby
 * (and warm-up) tasks close to their changelogs' ends, all through one {@link
 * StoreChangelogReader} and the thread's restore consumer.
 *
 * <p>While an active task restores, its input partitions stay paused on the main consumer, which
 * keeps polling so the member is never evicted for exceeding {@code max.poll.interval.ms}. A
 * restored task resumes its partitions' times from the committed offsets' metadata before it
 * processes.
 *
 * <p>A standby task stays RESTORING for good: each time it reaches the end offsets captured when
 * it registered, it is registered again after {@code refreshMs}, to read what was written since
 * (from its stores' current position). When the assignment makes it active, it is promoted: one
 * last catch-up, then it runs without reopening its stores.
 */
final class RestoreCoordinator {
  private final StoreChangelogReader reader;
  private final Consumer<byte[], byte[]> mainConsumer;
  private final Set<StreamTask> restoring = new HashSet<>();
  private final Set<StreamTask> standbys = new HashSet<>();
  private final Map<StreamTask, Long> caughtUpAtMs = new HashMap<>();
  private final long refreshMs;

  /** @param refreshMs how long a caught-up standby waits before it reads its changelogs again */
  RestoreCoordinator(StoreChangelogReader reader, Consumer<byte[], byte[]> mainConsumer,
      long refreshMs) {
    this.reader = reader;
    this.mainConsumer = mainConsumer;
    this.refreshMs = refreshMs;
  }

  /** Starts keeping an initialised (RESTORING) standby task up to date. */
  void addStandby(StreamTask task) {
    standbys.add(task);
    reader.register(task);
  }

  /** Stops updating a standby task (it leaves, or is promoted to active). */
  void removeStandby(StreamTask task) {
    if (standbys.remove(task) && caughtUpAtMs.remove(task) == null) {
      reader.unregister(task);
    }
  }

  /** Whether the restore consumer has work: active tasks restoring, or standbys to update. */
  boolean hasWork() {
    return !restoring.isEmpty() || !standbys.isEmpty();
  }

  /** Registers again the standbys that caught up more than {@code refreshMs} ago. */
  void refreshStandbys(long nowMs) {
    caughtUpAtMs.entrySet().removeIf(entry -> {
      if (nowMs - entry.getValue() < refreshMs) {
        return false;
      }
      reader.register(entry.getKey());
      return true;
    });
  }

  /** Starts restoring an initialised (RESTORING) task and pauses its input partitions. */
  void add(StreamTask task) {
    mainConsumer.pause(assignedOf(task));
    reader.register(task);
    restoring.add(task);
  }

  /** Stops restoring a task that leaves before it finished. */
  void remove(StreamTask task) {
    if (restoring.remove(task)) {
      reader.unregister(task);
    }
  }

  /** Whether some task is still restoring. */
  boolean active() {
    return !restoring.isEmpty();
  }

  /**
   * One restore round (one poll of the restore consumer, up to {@code pollTimeout}); tasks whose
   * stores are complete start running and their partitions resume.
   *
   * @return the tasks that started running
   */
  List<StreamTask> restoreOnce(Duration pollTimeout, long nowMs) {
    if (!hasWork()) {
      return List.of();
    }
    List<StreamTask> done = new ArrayList<>();
    for (StreamTask task : reader.restore(pollTimeout)) {
      if (standbys.contains(task)) {
        caughtUpAtMs.put(task, nowMs);
        task.checkpointIfDue();
      } else {
        done.add(task);
      }
    }
    for (StreamTask task : done) {
      restoring.remove(task);
      Set<TopicPartition> partitions = assignedOf(task);
      Map<TopicPartition, OffsetAndMetadata> committed = mainConsumer.committed(partitions);
      task.initializeStreamTime(committed);
      task.completeRestoration();
      mainConsumer.resume(partitions);
    }
    return done;
  }

  private Set<TopicPartition> assignedOf(StreamTask task) {
    Set<TopicPartition> partitions = new HashSet<>(task.inputPartitions());
    partitions.retainAll(mainConsumer.assignment());
    return partitions;
  }

  /** Stops every restoration; the restore consumer stays the caller's. */
  void close() {
    restoring.clear();
    standbys.clear();
    caughtUpAtMs.clear();
    reader.close();
  }
}
