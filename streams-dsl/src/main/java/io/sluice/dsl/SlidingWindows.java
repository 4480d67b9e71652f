package io.sluice.dsl;

import java.time.Duration;
import java.util.Objects;

/**
 * Windows defined by the records themselves: two records fall into a common window when their
 * timestamps differ by at most the time difference. Each record creates the window that ends at
 * its timestamp ({@code [t - difference, t]}, both ends inclusive) and, when no later record is
 * within reach yet, the window that starts just after it; an aggregate is kept only for windows
 * whose contents differ, so every distinct set of records within the difference gets one result.
 * Windowed keys report the inclusive end as {@code end}, as Kafka Streams does.
 */
public final class SlidingWindows {
  private final long differenceMs;
  private final long graceMs;

  private SlidingWindows(long differenceMs, long graceMs) {
    this.differenceMs = differenceMs;
    this.graceMs = graceMs;
  }

  /**
   * @param timeDifference the largest difference between the timestamps of two records of one
   *     window, not negative
   * @return windows that close as soon as stream time passes their end
   * @throws IllegalArgumentException if {@code timeDifference} is null or negative
   */
  public static SlidingWindows ofTimeDifferenceWithNoGrace(Duration timeDifference) {
    return ofTimeDifferenceAndGrace(timeDifference, Duration.ZERO);
  }

  /**
   * @param timeDifference the largest difference between the timestamps of two records of one
   *     window, not negative
   * @param grace how long after a window's end it still accepts records, not negative
   * @return the windows
   * @throws IllegalArgumentException if an argument is null or negative
   */
  public static SlidingWindows ofTimeDifferenceAndGrace(Duration timeDifference, Duration grace) {
    return new SlidingWindows(DurationArgs.millis("SlidingWindows timeDifference", timeDifference,
        0), DurationArgs.millis("SlidingWindows grace", grace, 0));
  }

  /** @return the time difference, milliseconds; windows are this long, both ends inclusive */
  public long timeDifferenceMs() {
    return differenceMs;
  }

  /** @return the grace period, milliseconds */
  public long gracePeriodMs() {
    return graceMs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlidingWindows w && w.differenceMs == differenceMs && w.graceMs == graceMs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(differenceMs, graceMs);
  }

  @Override
  public String toString() {
    return "SlidingWindows{timeDifference=" + differenceMs + "ms, grace=" + graceMs + "ms}";
  }
}
