package io.sluice.processor;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

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
  /** From the earliest offset still in the log. */
  public static final AutoOffsetReset EARLIEST = new AutoOffsetReset("earliest", null);
  /** From the end: only records written after the reset are read. */
  public static final AutoOffsetReset LATEST = new AutoOffsetReset("latest", null);
  /**
   * No reset: the stream thread fails with a {@link io.sluice.runtime.StreamsException} naming
   * the topic-partitions and the policy, which goes to the uncaught-exception handler.
   */
  public static final AutoOffsetReset NONE = new AutoOffsetReset("none", null);

  private final String name;
  private final Duration duration;

  private AutoOffsetReset(String name, Duration duration) {
    this.name = name;
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
    return new AutoOffsetReset("by_duration", duration);
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
    return duration == null ? name : name + ":" + duration;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AutoOffsetReset that && name.equals(that.name)
        && Objects.equals(duration, that.duration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, duration);
  }
}
