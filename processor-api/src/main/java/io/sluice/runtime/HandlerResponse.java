package io.sluice.runtime;

/** What an exception handler tells the engine to do with a record that failed. */
public enum HandlerResponse {
  /** Stop: the task fails with the error. */
  FAIL,
  /** Skip the record: it is logged and counted in the task's dropped-records metric. */
  CONTINUE,
  /**
   * Skip the record (logged and counted like {@link #CONTINUE}) and send it to the topic named by
   * {@value StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME}, with the {@link DeadLetterHeaders}
   * describing the failure; under exactly-once inside the task's transaction. Fails the task if
   * no dead-letter topic is set.
   */
  DEAD_LETTER
}
