package io.sluice.runtime;

/** What an exception handler tells the engine to do with a record that failed. */
public enum HandlerResponse {
  /** Stop: the task fails with the error. */
  FAIL,
  /** Skip the record: it is logged and counted in the task's dropped-records metric. */
  CONTINUE
}
