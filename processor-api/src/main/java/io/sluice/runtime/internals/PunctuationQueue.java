package io.sluice.runtime.internals;

import io.sluice.processor.Cancellable;
import io.sluice.processor.Punctuator;
import java.util.PriorityQueue;

/**
 * The punctuation schedules of one clock of a task, ordered by their next time. A schedule fires
 * at most once per {@link #mayPunctuate} call, however many intervals passed; its next time is
 * then the first interval boundary (counted from its start) after the current time.
 */
final class PunctuationQueue {
  /** Runs one punctuation of a node. */
  interface Runner {
    void run(ProcessorNode<?, ?, ?, ?> node, Punctuator punctuator, long timestampMs);
  }

  private static final class Schedule implements Cancellable {
    final ProcessorNode<?, ?, ?, ?> node;
    final Punctuator punctuator;
    final long intervalMs;
    long nextMs;
    boolean cancelled;

    Schedule(ProcessorNode<?, ?, ?, ?> node, Punctuator punctuator, long startMs, long intervalMs) {
      this.node = node;
      this.punctuator = punctuator;
      this.nextMs = startMs;
      this.intervalMs = intervalMs;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    void advancePast(long nowMs) {
      nextMs += intervalMs;
      if (nextMs <= nowMs) {
        nextMs = nowMs - ((nowMs - nextMs) % intervalMs) + intervalMs;
      }
    }
  }

  private final PriorityQueue<Schedule> queue =
      new PriorityQueue<>((a, b) -> Long.compare(a.nextMs, b.nextMs));

  Cancellable schedule(
      long startMs, long intervalMs, ProcessorNode<?, ?, ?, ?> node, Punctuator punctuator) {
    Schedule schedule = new Schedule(node, punctuator, startMs, intervalMs);
    queue.add(schedule);
    return schedule;
  }

  /**
   * Fires every schedule due at {@code nowMs} once. A schedule is advanced before its punctuator
   * runs, so a punctuator that throws keeps firing later; the exception propagates and the
   * schedules not yet run fire at the next call.
   *
   * @return whether any punctuator ran
   */
  boolean mayPunctuate(long nowMs, Runner runner) {
    boolean fired = false;
    while (!queue.isEmpty() && queue.peek().nextMs <= nowMs) {
      Schedule schedule = queue.poll();
      if (schedule.cancelled) {
        continue;
      }
      // Re-queue before running, so a punctuator that throws loses no schedule; the loop ends
      // because the next time is now after nowMs.
      schedule.advancePast(nowMs);
      queue.add(schedule);
      runner.run(schedule.node, schedule.punctuator, nowMs);
      fired = true;
    }
    return fired;
  }
}
