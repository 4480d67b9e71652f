package io.sluice.runtime.internals;

import java.util.function.Supplier;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.utils.Time;

/** A clock that moves only when told to: the test driver's wall clock. */
public final class ManualTime implements Time {
  private long nowMs;

  /** @param startMs the initial time in epoch milliseconds */
  public ManualTime(long startMs) {
    this.nowMs = startMs;
  }

  /**
   * Moves the clock forward.
   *
   * @throws IllegalArgumentException if {@code ms} is negative
   */
  public void advance(long ms) {
    if (ms < 0) {
      throw new IllegalArgumentException("the wall clock can only advance, but was moved by " + ms
          + " ms");
    }
    nowMs += ms;
  }

  @Override
  public long milliseconds() {
    return nowMs;
  }

  @Override
  public long nanoseconds() {
    return nowMs * 1_000_000L;
  }

  @Override
  public void sleep(long ms) {
    advance(ms);
  }

  @Override
  public void waitObject(Object obj, Supplier<Boolean> condition, long deadlineMs) {
    if (!condition.get()) {
      nowMs = Math.max(nowMs, deadlineMs);
      throw new TimeoutException(
          "condition not met by " + deadlineMs + " ms on the manual clock");
    }
  }
}
