package io.sluice.processor;

/**
 * Where a source starts reading a partition for which the application's consumer group has no
 * committed offset, or whose committed offset is no longer in the log (deleted by retention).
 * A partition with a valid committed offset always resumes there. A source without a policy
 * uses the application's {@code auto.offset.reset} ({@code earliest} unless set; {@code
 * by_duration:<ISO-8601 duration>} is accepted there too). Repartition topics always start from
 * the earliest offset, and global stores always read their topics from the beginning.
 */
public enum AutoOffsetReset {
  /** From the earliest offset still in the log. */
  EARLIEST,
  /** From the end: only records written after the reset are read. */
  LATEST,
  /**
   * No reset: the stream thread fails with a {@link io.sluice.runtime.StreamsException} naming
   * the topic-partitions and the policy, which goes to the uncaught-exception handler.
   */
  NONE
}
