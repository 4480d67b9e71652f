package io.sluice.dsl.internals;

import io.sluice.state.TaskId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the two sides of one stream-stream join share within one task: the join's stream time
 * (the largest timestamp either side has received, -1 before any), the smallest timestamp that
 * may still wait in the outer-join buffer, the wall-clock time before which the buffer is not
 * scanned again, and whether the record now being processed produced (or will produce) a result.
 *
 * <p>Created per task through {@link Registry}, which both sides' processor suppliers share; a
 * task's two processors run on one thread, so the fields need no synchronisation.
 */
final class JoinTimeTracker {
  /** App-config key of the minimum wall-clock interval between two outer-buffer scans, in ms. */
  static final String EMIT_INTERVAL_CONFIG =
      "__emit.interval.ms.kstreams.outer.join.spurious.results.fix__";
  /** Default of {@link #EMIT_INTERVAL_CONFIG}: one second. */
  static final long DEFAULT_EMIT_INTERVAL_MS = 1_000L;

  private long emitIntervalMs = DEFAULT_EMIT_INTERVAL_MS;
  long streamTime = -1L;
  long minTime = Long.MAX_VALUE;
  private long nextTimeToEmit;
  private boolean handled;
  private long leftObserved = Long.MIN_VALUE;
  private long rightObserved = Long.MIN_VALUE;

  void emitIntervalMs(long intervalMs) {
    this.emitIntervalMs = intervalMs;
  }

  void advanceStreamTime(long timestamp) {
    streamTime = Math.max(streamTime, timestamp);
  }

  void updateMinTime(long timestamp) {
    minTime = Math.min(minTime, timestamp);
  }

  /**
   * @param nowMs the wall clock, epoch milliseconds
   * @return whether a scan may run now; if so the next one may run an interval later
   */
  boolean tryStartScan(long nowMs) {
    if (nowMs < nextTimeToEmit) {
      return false;
    }
    nextTimeToEmit = nowMs + emitIntervalMs;
    return true;
  }

  /**
   * Advances a side's buffer clock that counts keyed records with {@code null} values too.
   *
   * @param left which side
   * @param timestamp the record's timestamp
   */
  void observe(boolean left, long timestamp) {
    if (left) {
      leftObserved = Math.max(leftObserved, timestamp);
    } else {
      rightObserved = Math.max(rightObserved, timestamp);
    }
  }

  /** @return a side's clock counting {@code null} values, {@link Long#MIN_VALUE} before any */
  long observed(boolean left) {
    return left ? leftObserved : rightObserved;
  }

  /** Called by a side's window node before it passes a record to the join. */
  void startRecord() {
    handled = false;
  }

  /** Called by a join processor that forwarded a result for, or buffered, the current record. */
  void markHandled() {
    handled = true;
  }

  /** @return whether the current record produced or awaits a result */
  boolean handled() {
    return handled;
  }

  /** One tracker per task, shared by the suppliers of both sides of one join. */
  static final class Registry {
    private final Map<TaskId, JoinTimeTracker> trackers = new ConcurrentHashMap<>();

    JoinTimeTracker get(TaskId task) {
      return trackers.computeIfAbsent(task, t -> new JoinTimeTracker());
    }

    void remove(TaskId task) {
      trackers.remove(task);
    }
  }
}
