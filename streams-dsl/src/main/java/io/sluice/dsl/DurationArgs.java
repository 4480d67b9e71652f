package io.sluice.dsl;

import java.time.Duration;

/** Validation of the duration arguments of window and suppression options. */
final class DurationArgs {
  private DurationArgs() {}

  /**
   * @param what the argument's name, for the message
   * @param duration the value
   * @param min the smallest accepted value in milliseconds
   * @return the duration in milliseconds
   * @throws IllegalArgumentException if the duration is null, below {@code min} or too large for a
   *     long of milliseconds
   */
  static long millis(String what, Duration duration, long min) {
    if (duration == null) {
      throw new IllegalArgumentException(what + " must not be null; pass a Duration of at least "
          + min + " ms");
    }
    long ms;
    try {
      ms = duration.toMillis();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(what + " " + duration + " is too large to express in"
          + " milliseconds", e);
    }
    if (ms < min) {
      throw new IllegalArgumentException(what + " must be at least " + min + " ms but was "
          + duration);
    }
    return ms;
  }
}
