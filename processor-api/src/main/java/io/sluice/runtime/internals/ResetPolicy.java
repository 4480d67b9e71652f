package io.sluice.runtime.internals;

import io.sluice.processor.AutoOffsetReset;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * Where the main consumer starts reading a partition that has no valid committed offset, as the
 * runtime applies it: from a source's {@link AutoOffsetReset} or from the application's {@code
 * auto.offset.reset} ({@code earliest}, {@code latest}, {@code none} or {@code
 * by_duration:<ISO-8601 duration>}, the values kafka-clients accepts).
 *
 * @param kind the policy
 * @param duration for {@link Kind#BY_DURATION}, how far back from now to start; else null
 */
record ResetPolicy(Kind kind, Duration duration) {
  /** The policies. */
  enum Kind {
    /** The earliest available offset. */
    EARLIEST,
    /** The end: only records written from now on. */
    LATEST,
    /** None: a missing or out-of-range offset fails the thread. */
    NONE,
    /** The first offset whose timestamp is at least now minus {@code duration}, else the end. */
    BY_DURATION
  }

  static final ResetPolicy EARLIEST = new ResetPolicy(Kind.EARLIEST, null);
  static final ResetPolicy LATEST = new ResetPolicy(Kind.LATEST, null);
  static final ResetPolicy NONE = new ResetPolicy(Kind.NONE, null);

  private static final String BY_DURATION_PREFIX = "by_duration:";

  ResetPolicy {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.BY_DURATION) != (duration != null)) {
      throw new IllegalArgumentException("a duration goes with BY_DURATION only: " + kind);
    }
    if (duration != null && duration.isNegative()) {
      throw new IllegalArgumentException("the reset duration must not be negative: " + duration);
    }
  }

  /** The runtime form of a source's policy. */
  static ResetPolicy of(AutoOffsetReset reset) {
    return parse(Objects.requireNonNull(reset, "reset").toString());
  }

  /**
   * Parses a value of {@code auto.offset.reset}.
   *
   * @throws ConfigException naming the setting, the value and the valid values if it is none of
   *     them
   */
  static ResetPolicy parse(String value) {
    String text = Objects.requireNonNull(value, "value").trim().toLowerCase(Locale.ROOT);
    switch (text) {
      case "earliest":
        return EARLIEST;
      case "latest":
        return LATEST;
      case "none":
        return NONE;
      default:
        break;
    }
    if (text.startsWith(BY_DURATION_PREFIX)) {
      String iso = value.trim().substring(BY_DURATION_PREFIX.length());
      try {
        Duration duration = Duration.parse(iso);
        if (!duration.isNegative()) {
          return new ResetPolicy(Kind.BY_DURATION, duration);
        }
      } catch (DateTimeParseException e) {
        // reported below with the valid forms
      }
    }
    throw new ConfigException(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, value,
        "valid values are earliest, latest, none and by_duration:<ISO-8601 duration, not"
            + " negative>, e.g. by_duration:PT1H");
  }

  @Override
  public String toString() {
    return kind == Kind.BY_DURATION ? BY_DURATION_PREFIX + duration
        : kind.name().toLowerCase(Locale.ROOT);
  }
}
