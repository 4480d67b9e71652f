package io.sluice.serdes;

/**
 * A time interval {@code [startMs, endMs)} in epoch milliseconds: start inclusive, end exclusive,
 * as for time windows. Session windows are closed intervals {@code [start, end]} where both
 * bounds are record timestamps; {@link #endMs()} then holds the last record's timestamp.
 *
 * @param startMs the window start in epoch milliseconds
 * @param endMs the window end in epoch milliseconds; never before {@code startMs}
 */
public record Window(long startMs, long endMs) {

  /**
   * @throws IllegalArgumentException if {@code startMs} is negative or {@code endMs < startMs}
   */
  public Window {
    if (startMs < 0) {
      throw new IllegalArgumentException("window start must be >= 0 but was " + startMs);
    }
    if (endMs < startMs) {
      throw new IllegalArgumentException(
          "window end " + endMs + " must not be before window start " + startMs);
    }
  }

  /** Whether the two windows share at least one instant (end exclusive on both). */
  public boolean overlap(Window other) {
    return startMs < other.endMs && other.startMs < endMs;
  }
}
