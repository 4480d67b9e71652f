package io.sluice.runtime.internals;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How a stream thread commits its tasks, one implementation per processing guarantee ({@link
 * AlosCommitter}, {@link EosCommitter}). It also owns the thread's producer, because under
 * exactly-once sends and commits share one transaction.
 */
interface Committer extends ThreadProducer {
  /**
   * Commits {@code tasks}: flushes their caches, makes their output durable, commits their input
   * offsets (with stream-time metadata), then lets them checkpoint where the guarantee allows.
   *
   * @return the input offsets committed
   * @throws TaskMigratedException if the producer was fenced or the group generation is stale
   */
  Map<TopicPartition, OffsetAndMetadata> commit(Collection<StreamTask> tasks);

  /** Whether a commit must cover every task of the thread (one transaction spans them all). */
  boolean commitsWholeThread();

  /**
   * After a failure, before the thread's tasks are closed dirty: drops what the failed work left
   * open (under exactly-once, aborts the transaction, or replaces a fenced producer).
   */
  void abortAfterFailure();

  /** Closes the producer. */
  void close();
}
