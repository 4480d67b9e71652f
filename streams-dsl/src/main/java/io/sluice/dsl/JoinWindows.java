package io.sluice.dsl;

import java.time.Duration;
import java.util.Objects;

/**
 * How close in time two records of a stream-stream join must be to join: a left record at time
 * {@code t} joins right records of the same key whose timestamps lie in {@code [t - before, t +
 * after]} (both bounds inclusive; symmetric unless {@link #before} or {@link #after} change one
 * side). The grace period admits out-of-order records: a record can still be joined, and a left or
 * outer join still waits for a match, until stream time passes its window end plus grace. Left and
 * outer join results without a match are emitted once that time has passed. Immutable.
 *
 * <pre>{@code
 * JoinWindows.ofTimeDifferenceAndGrace(Duration.ofMinutes(5), Duration.ofSeconds(30))
 * }</pre>
 */
public final class JoinWindows {
  private final long beforeMs;
  private final long afterMs;
  private final long graceMs;

  private JoinWindows(long beforeMs, long afterMs, long graceMs) {
    long size;
    try {
      size = Math.addExact(beforeMs, afterMs);
      Math.addExact(size, graceMs);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("JoinWindows before (" + beforeMs + " ms) + after ("
          + afterMs + " ms) + grace (" + graceMs + " ms) overflows a long; use smaller durations",
          e);
    }
    if (size < 0) {
      throw new IllegalArgumentException("JoinWindows before (" + beforeMs + " ms) + after ("
          + afterMs + " ms) must not be negative: no timestamp difference would join; widen"
          + " one side");
    }
    this.beforeMs = beforeMs;
    this.afterMs = afterMs;
    this.graceMs = graceMs;
  }

  /**
   * Records join when their timestamps differ by at most {@code timeDifference}; late records
   * are not admitted (grace 0).
   *
   * @param timeDifference the largest difference, at least 0
   * @return the windows
   * @throws IllegalArgumentException if {@code timeDifference} is null, negative or too large
   */
  public static JoinWindows ofTimeDifferenceWithNoGrace(Duration timeDifference) {
    return ofTimeDifferenceAndGrace(timeDifference, Duration.ZERO);
  }

  /**
   * Records join when their timestamps differ by at most {@code timeDifference}; out-of-order
   * records are admitted for {@code afterWindowEnd} after a window ends.
   *
   * @param timeDifference the largest difference, at least 0
   * @param afterWindowEnd the grace period, at least 0
   * @return the windows
   * @throws IllegalArgumentException if an argument is null, negative or too large
   */
  public static JoinWindows ofTimeDifferenceAndGrace(Duration timeDifference,
      Duration afterWindowEnd) {
    long difference = DurationArgs.millis("JoinWindows timeDifference", timeDifference, 0);
    long grace = DurationArgs.millis("JoinWindows afterWindowEnd (grace)", afterWindowEnd, 0);
    return new JoinWindows(difference, difference, grace);
  }

  /**
   * @param timeDifferenceBefore how far a right record may precede a left one; negative to
   *     require it to follow by at least that much
   * @return windows with that lower bound, the same upper bound and grace
   * @throws IllegalArgumentException if the argument is null or too large, or before + after
   *     would be negative
   */
  public JoinWindows before(Duration timeDifferenceBefore) {
    long before = DurationArgs.millis("JoinWindows before", timeDifferenceBefore, -Long.MAX_VALUE);
    return new JoinWindows(before, afterMs, graceMs);
  }

  /**
   * @param timeDifferenceAfter how far a right record may follow a left one; negative to require
   *     it to precede by at least that much
   * @return windows with that upper bound, the same lower bound and grace
   * @throws IllegalArgumentException if the argument is null or too large, or before + after
   *     would be negative
   */
  public JoinWindows after(Duration timeDifferenceAfter) {
    long after = DurationArgs.millis("JoinWindows after", timeDifferenceAfter, -Long.MAX_VALUE);
    return new JoinWindows(beforeMs, after, graceMs);
  }

  /** @return how far a right record may precede a left one, in milliseconds */
  public long beforeMs() {
    return beforeMs;
  }

  /** @return how far a right record may follow a left one, in milliseconds */
  public long afterMs() {
    return afterMs;
  }

  /** @return the grace period in milliseconds */
  public long gracePeriodMs() {
    return graceMs;
  }

  /** @return the width of one join window, {@code before + after}, in milliseconds */
  public long size() {
    return beforeMs + afterMs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JoinWindows that && beforeMs == that.beforeMs && afterMs == that.afterMs
        && graceMs == that.graceMs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(beforeMs, afterMs, graceMs);
  }

  @Override
  public String toString() {
    return "JoinWindows(before=" + beforeMs + "ms, after=" + afterMs + "ms, grace=" + graceMs
        + "ms)";
  }
}
