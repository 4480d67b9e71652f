package io.sluice.dsl;

import java.time.Duration;
import java.util.Objects;

/**
 * Sessions: periods of activity per key separated by gaps longer than the inactivity gap. A record
 * starts a session {@code [t, t]} or extends (and may merge) the sessions it comes within the gap
 * of; sessions' windows include both their start and their end (the first and last record).
 */
public final class SessionWindows {
  private final long gapMs;
  private final long graceMs;

  private SessionWindows(long gapMs, long graceMs) {
    this.gapMs = gapMs;
    this.graceMs = graceMs;
  }

  /**
   * @param inactivityGap the largest gap between two records of one session, at least 1 ms
   * @return sessions that stop accepting records once stream time is past their end plus the gap
   * @throws IllegalArgumentException if {@code inactivityGap} is null or below 1 ms
   */
  public static SessionWindows ofInactivityGapWithNoGrace(Duration inactivityGap) {
    return ofInactivityGapAndGrace(inactivityGap, Duration.ZERO);
  }

  /**
   * @param inactivityGap the largest gap between two records of one session, at least 1 ms
   * @param grace how much longer, after stream time passed a session's end plus the gap, the
   *     session still accepts records, not negative
   * @return the session windows
   * @throws IllegalArgumentException if an argument is null or out of range
   */
  public static SessionWindows ofInactivityGapAndGrace(Duration inactivityGap, Duration grace) {
    return new SessionWindows(DurationArgs.millis("SessionWindows inactivityGap", inactivityGap, 1),
        DurationArgs.millis("SessionWindows grace", grace, 0));
  }

  /** @return the inactivity gap, milliseconds */
  public long inactivityGap() {
    return gapMs;
  }

  /** @return the grace period, milliseconds */
  public long gracePeriodMs() {
    return graceMs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionWindows w && w.gapMs == gapMs && w.graceMs == graceMs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(gapMs, graceMs);
  }

  @Override
  public String toString() {
    return "SessionWindows{inactivityGap=" + gapMs + "ms, grace=" + graceMs + "ms}";
  }
}
