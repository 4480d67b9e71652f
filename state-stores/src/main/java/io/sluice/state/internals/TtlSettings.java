package io.sluice.state.internals;

import java.time.Duration;
import java.util.Objects;

/** Validation of the time-to-live setting of key-value store builders. */
final class TtlSettings {

  private TtlSettings() {}

  /**
   * {@code ttl} in milliseconds.
   *
   * @throws NullPointerException if {@code ttl} is null
   * @throws IllegalArgumentException naming {@code storeName} if {@code ttl} is below 1 ms or
   *     does not fit in a long of milliseconds
   */
  static long validTtlMs(String storeName, Duration ttl) {
    Objects.requireNonNull(ttl, "ttl of store " + storeName);
    long millis;
    try {
      millis = ttl.toMillis();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("ttl of store " + storeName
          + " must fit in a long of milliseconds but was " + ttl, e);
    }
    if (millis <= 0) {
      throw new IllegalArgumentException("ttl of store " + storeName
          + " must be at least 1 ms but was " + ttl + "; leave it unset for entries that never"
          + " expire");
    }
    return millis;
  }
}
