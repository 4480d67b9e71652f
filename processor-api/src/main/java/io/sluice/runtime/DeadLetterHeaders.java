package io.sluice.runtime;

/**
 * The headers of a dead-letter record (see {@link HandlerResponse#DEAD_LETTER}), added to the
 * failed input record's own headers. Its key and value are the input record's raw bytes (null in
 * punctuation, where there is no input record). Header values are UTF-8 strings.
 */
public final class DeadLetterHeaders {
  /** The fully qualified class name of the exception. */
  public static final String EXCEPTION = "sluice.dlq.exception";
  /** The exception's message (empty if it had none). */
  public static final String EXCEPTION_MESSAGE = "sluice.dlq.exception.message";
  /** The input record's topic. */
  public static final String TOPIC = "sluice.dlq.topic";
  /** The input record's partition, in decimal. */
  public static final String PARTITION = "sluice.dlq.partition";
  /** The input record's offset, in decimal. */
  public static final String OFFSET = "sluice.dlq.offset";
  /** The task that failed, as {@code <subtopology>_<partition>}. */
  public static final String TASK = "sluice.dlq.task";
  /** The source, processor or sink node that failed. */
  public static final String NODE = "sluice.dlq.node";

  private DeadLetterHeaders() {}
}
