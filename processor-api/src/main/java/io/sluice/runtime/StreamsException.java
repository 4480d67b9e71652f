package io.sluice.runtime;

/**
 * Processing stopped: a record could not be read or processed and its handler answered FAIL, or a
 * task could not do its work. The message says where (task, node, topic, partition, offset).
 */
public class StreamsException extends RuntimeException {
  /** @param message what failed and where */
  public StreamsException(String message) {
    super(message);
  }

  /**
   * @param message what failed and where
   * @param cause the underlying failure
   */
  public StreamsException(String message, Throwable cause) {
    super(message, cause);
  }
}
