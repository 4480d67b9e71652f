package io.sluice.dsl;

import io.sluice.serdes.Window;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Fixed-size windows aligned to the epoch: tumbling (advance equal to size, each timestamp in
 * exactly one window) or hopping ({@link #advanceBy}, windows overlap and a timestamp falls into
 * {@code size / advance} of them). Window {@code [start, start + size)} includes its start and
 * excludes its end; starts are multiples of the advance.
 *
 * <pre>{@code
 * TimeWindows.ofSizeAndGrace(Duration.ofMinutes(5), Duration.ofSeconds(30))
 *     .advanceBy(Duration.ofMinutes(1));
 * }</pre>
 */
public final class TimeWindows extends Windows {
  private final long sizeMs;
  private final long advanceMs;
  private final long graceMs;

  private TimeWindows(long sizeMs, long advanceMs, long graceMs) {
    this.sizeMs = sizeMs;
    this.advanceMs = advanceMs;
    this.graceMs = graceMs;
  }

  /**
   * Tumbling windows that close as soon as stream time reaches their end.
   *
   * @param size the window size, at least 1 ms
   * @return the windows
   * @throws IllegalArgumentException if {@code size} is null or below 1 ms
   */
  public static TimeWindows ofSizeWithNoGrace(Duration size) {
    return ofSizeAndGrace(size, Duration.ZERO);
  }

  /**
   * Tumbling windows that accept records until stream time reaches their end plus {@code grace}.
   *
   * @param size the window size, at least 1 ms
   * @param grace the grace period, not negative
   * @return the windows
   * @throws IllegalArgumentException if an argument is null or out of range
   */
  public static TimeWindows ofSizeAndGrace(Duration size, Duration grace) {
    long sizeMs = DurationArgs.millis("TimeWindows size", size, 1);
    return new TimeWindows(sizeMs, sizeMs, DurationArgs.millis("TimeWindows grace", grace, 0));
  }

  /**
   * Makes the windows hop: a new window starts every {@code advance}.
   *
   * @param advance the distance between window starts, from 1 ms up to the size
   * @return hopping windows of the same size and grace
   * @throws IllegalArgumentException if {@code advance} is null, below 1 ms or above the size
   */
  public TimeWindows advanceBy(Duration advance) {
    long ms = DurationArgs.millis("TimeWindows advance", advance, 1);
    if (ms > sizeMs) {
      throw new IllegalArgumentException("TimeWindows advance (" + ms + " ms) must not exceed the"
          + " window size (" + sizeMs + " ms); use a smaller advance or larger windows");
    }
    return new TimeWindows(sizeMs, ms, graceMs);
  }

  /** @return the distance between window starts, milliseconds */
  public long advanceMs() {
    return advanceMs;
  }

  @Override
  public Map<Long, Window> windowsFor(long timestamp) {
    long start = Math.max(0, timestamp - sizeMs + advanceMs) / advanceMs * advanceMs;
    Map<Long, Window> windows = new LinkedHashMap<>();
    for (; start <= timestamp; start += advanceMs) {
      long end = start + sizeMs < 0 ? Long.MAX_VALUE : start + sizeMs;
      windows.put(start, new Window(start, end));
    }
    return windows;
  }

  @Override
  public long size() {
    return sizeMs;
  }

  @Override
  public long gracePeriodMs() {
    return graceMs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeWindows w && w.sizeMs == sizeMs && w.advanceMs == advanceMs
        && w.graceMs == graceMs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(sizeMs, advanceMs, graceMs);
  }

  @Override
  public String toString() {
    return "TimeWindows{size=" + sizeMs + "ms, advance=" + advanceMs + "ms, grace=" + graceMs
        + "ms}";
  }
}
