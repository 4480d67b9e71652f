package io.sluice.runtime.internals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Brings new active tasks of one stream thread from RESTORING to RUNNING. While a task restores
 * (through the {@link StoreChangelogReader} and the thread's restore consumer), its input
 * partitions stay paused on the main consumer, which keeps polling so the member is never evicted
 * for exceeding {@code max.poll.interval.ms}. A restored task resumes its partitions' times from
 * the committed offsets' metadata before it processes.
 */
final class RestoreCoordinator {
  private final StoreChangelogReader reader;
  private final Consumer<byte[], byte[]> mainConsumer;
  private final Set<StreamTask> restoring = new HashSet<>();

  RestoreCoordinator(StoreChangelogReader reader, Consumer<byte[], byte[]> mainConsumer) {
    this.reader = reader;
    this.mainConsumer = mainConsumer;
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
  List<StreamTask> restoreOnce(Duration pollTimeout) {
    if (restoring.isEmpty()) {
      return List.of();
    }
    List<StreamTask> done = new ArrayList<>(reader.restore(pollTimeout));
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
    reader.close();
  }
}
