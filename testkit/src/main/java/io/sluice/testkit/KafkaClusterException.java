package io.sluice.testkit;

/**
 * A test cluster could not do what was asked: a broker failed to start or stop (the message then
 * ends with the tail of its log), the broker jars could not be resolved, or the requested mode is
 * unavailable (no Docker engine for Testcontainers mode).
 */
public class KafkaClusterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message that names the node or setting and the fix. */
  public KafkaClusterException(String message) {
    super(message);
  }

  /** An exception with a message and the underlying cause. */
  public KafkaClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
