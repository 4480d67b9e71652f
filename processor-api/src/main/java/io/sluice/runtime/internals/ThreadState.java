package io.sluice.runtime.internals;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a stream thread: CREATED → STARTING → PARTITIONS_ASSIGNED ⇄ RUNNING →
 * PENDING_SHUTDOWN → DEAD. PARTITIONS_ASSIGNED covers a rebalance and the restoration after it.
 */
public enum ThreadState {
  /** Built, not started. */
  CREATED,
  /** Started; joining the group. */
  STARTING,
  /** In or just after a rebalance: tasks are being created, closed or restored. */
  PARTITIONS_ASSIGNED,
  /** Every task runs. */
  RUNNING,
  /** Closing its tasks and clients. */
  PENDING_SHUTDOWN,
  /** Stopped. */
  DEAD;

  private Set<ThreadState> next() {
    return switch (this) {
      case CREATED -> EnumSet.of(STARTING, PENDING_SHUTDOWN, DEAD);
      case STARTING, RUNNING -> EnumSet.of(PARTITIONS_ASSIGNED, PENDING_SHUTDOWN);
      case PARTITIONS_ASSIGNED -> EnumSet.of(PARTITIONS_ASSIGNED, RUNNING, PENDING_SHUTDOWN);
      case PENDING_SHUTDOWN -> EnumSet.of(DEAD);
      case DEAD -> EnumSet.noneOf(ThreadState.class);
    };
  }

  /** Whether a thread in this state may move to {@code target}. */
  public boolean canTransitionTo(ThreadState target) {
    return next().contains(target);
  }

  /** Whether the thread is in the group and processing or about to. */
  public boolean isAlive() {
    return this == STARTING || this == PARTITIONS_ASSIGNED || this == RUNNING;
  }
}
