package io.sluice.runtime;

/**
 * Decides what happens when a stream thread dies of an exception that is neither fatal (those put
 * the application in {@link StreamsApp.State#ERROR} directly: failed authentication, an
 * assignment error) nor a task migration (handled by rejoining). Set with {@link
 * StreamsApp#setUncaughtExceptionHandler}; the default answers {@link Response#SHUTDOWN_CLIENT}.
 * Called on the failing thread, before it closes its tasks.
 */
@FunctionalInterface
public interface StreamsUncaughtExceptionHandler {
  /** What to do after a stream thread failed. */
  enum Response {
    /** Start a new thread in place of the failed one; its tasks are reassigned. */
    REPLACE_THREAD,
    /** Stop this instance: every thread stops and the state becomes ERROR. */
    SHUTDOWN_CLIENT,
    /**
     * Stop every instance of the application: this instance asks the group leader, which tells
     * every member to stop in the next assignment; each instance ends in ERROR.
     */
    SHUTDOWN_APPLICATION
  }

  /**
   * @param exception what killed the thread
   * @return what to do next; a handler that throws or returns null counts as {@link
   *     Response#SHUTDOWN_CLIENT}
   */
  Response handle(Throwable exception);
}
