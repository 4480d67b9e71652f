package io.sluice.processor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * Where a source starts reading a partition for which the application's consumer group has no
 * committed offset, or whose committed offset is no longer in the log (deleted by retention).
 * A partition with a valid committed offset always resumes there. A source without a policy
 * uses the application's {@code auto.offset.reset} ({@code earliest} unless set). Repartition
 * topics always start from the earliest offset, and global stores always read their topics from
 * the beginning.
 *
 * <p>The factories match Kafka Streams 4's {@code AutoOffsetReset}; {@link #toString()} gives the
 * policy in the form {@code auto.offset.reset} takes.
 */
public final class AutoOffsetReset {
  /** The kinds of policy. */
  public enum Kind {
    /** {@link #EARLIEST}. */
    EARLIEST,
    /** {@link #LATEST}. */
    LATEST,
    /** {@link #NONE}. */
    NONE,
    /** {@link #byDuration}. */
    BY_DURATION
  }

  /** From the earliest offset still in the log. */
  public static final AutoOffsetReset EARLIEST = new AutoOffsetReset(Kind.EARLIEST, null);
  /** From the end: only records written after the reset are read. */
  public static final AutoOffsetReset LATEST = new AutoOffsetReset(Kind.LATEST, null);
  /**
   * No reset: the stream thread fails with a {@link io.sluice.runtime.StreamsException} naming
   * the topic-partitions and the policy, which goes to the uncaught-exception handler.
   */
  public static final AutoOffsetReset NONE = new AutoOffsetReset(Kind.NONE, null);

  private static final String BY_DURATION_PREFIX = "by_duration:";

  private final Kind kind;
  private final Duration duration;

  private AutoOffsetReset(Kind kind, Duration duration) {
    this.kind = kind;
    this.duration = duration;
  }

  /** {@link #EARLIEST}. */
  public static AutoOffsetReset earliest() {
    return EARLIEST;
  }

  /** {@link #LATEST}. */
  public static AutoOffsetReset latest() {
    return LATEST;
  }

  /** {@link #NONE}. */
  public static AutoOffsetReset none() {
    return NONE;
  }

  /**
   * From the first record whose timestamp is at least the reset time minus {@code duration}, or
   * from the end if there is none.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public static AutoOffsetReset byDuration(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "The offset reset duration must not be negative, but was " + duration);
    }
    return new AutoOffsetReset(Kind.BY_DURATION, duration);
  }

  /**
   * Parses a value of {@code auto.offset.reset}, case-insensitively: {@code earliest}, {@code
   * latest}, {@code none} or {@code by_duration:<ISO-8601 duration>}, the values kafka-clients
   * accepts.
   *
   * @throws ConfigException naming the setting, the value and the valid values if it is none of
   *     them
   */
  public static AutoOffsetReset parse(String value) {
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
        Duration parsed = Duration.parse(iso);
        if (!parsed.isNegative()) {
          return new AutoOffsetReset(Kind.BY_DURATION, parsed);
        }
      } catch (DateTimeParseException e) {
        // reported below with the valid forms
      }
    }
    throw new ConfigException(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, value,
        "valid values are earliest, latest, none and by_duration:<ISO-8601 duration, not"
            + " negative>, e.g. by_duration:PT1H");
  }

  /** Which policy this is. */
  public Kind kind() {
    return kind;
  }

  /** For {@link #byDuration}, how far back from the reset time to start; else empty. */
  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /**
   * The policy as {@code auto.offset.reset} spells it: {@code earliest}, {@code latest}, {@code
   * none} or {@code by_duration:<ISO-8601 duration>}.
   */
  @Override
  public String toString() {
    return kind == Kind.BY_DURATION ? BY_DURATION_PREFIX + duration
        : kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AutoOffsetReset that && kind == that.kind
        && Objects.equals(duration, that.duration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, duration);
  }
}
