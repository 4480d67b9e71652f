package io.sluice.runtime.internals;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a task: CREATED → RESTORING → RUNNING → SUSPENDED → CLOSED. A suspended task may
 * resume (back to RESTORING); a task may be closed from CREATED or SUSPENDED only.
 */
public enum TaskState {
  /** Built; stores not yet opened. */
  CREATED,
  /** Stores open and being restored from changelogs. */
  RESTORING,
  /** Processing records. */
  RUNNING,
  /** Not processing; stores still open. */
  SUSPENDED,
  /** Stores and processors closed; the task is gone. */
  CLOSED;

  private Set<TaskState> next() {
    return switch (this) {
      case CREATED -> EnumSet.of(RESTORING, SUSPENDED, CLOSED);
      case RESTORING -> EnumSet.of(RUNNING, SUSPENDED);
      case RUNNING -> EnumSet.of(SUSPENDED);
      case SUSPENDED -> EnumSet.of(RESTORING, CLOSED);
      case CLOSED -> EnumSet.noneOf(TaskState.class);
    };
  }

  /** Whether a task in this state may move to {@code target}. */
  public boolean canTransitionTo(TaskState target) {
    return next().contains(target);
  }
}
