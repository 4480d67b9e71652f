package io.sluice.runtime.internals;

import io.sluice.runtime.StreamsException;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RebalanceInProgressException;

/**
 * The thread's tasks may have moved to another member (its producer was fenced, its group
 * generation is stale, or a rebalance interrupted a transactional commit): the thread closes its
 * tasks dirty, without committing, and starts them again from the committed state; the group
 * decides in its next rebalance who owns them. Never reaches the user's uncaught-exception
 * handler.
 */
final class TaskMigratedException extends StreamsException {
  private static final long serialVersionUID = 1L;

  TaskMigratedException(String message, Throwable cause) {
    super(message + "; the thread closes its tasks dirty and rejoins the group", cause);
  }

  /**
   * Whether {@code error} (or one of its causes) says the tasks migrated: a fenced producer, an
   * invalid producer epoch, or a failed offset commit.
   */
  static boolean isMigration(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException
          || t instanceof CommitFailedException || t instanceof TaskMigratedException
          || t instanceof RebalanceInProgressException) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }

  /** {@code error} as a {@link TaskMigratedException} if it is a migration, else unchanged. */
  static RuntimeException translate(String what, RuntimeException error) {
    if (error instanceof TaskMigratedException) {
      return error;
    }
    return isMigration(error) ? new TaskMigratedException(what + " failed: " + error, error) : error;
  }
}
