package io.sluice.processor;

/** A handle to cancel a scheduled punctuator. */
@FunctionalInterface
public interface Cancellable {
  /** Stops future punctuations; cancelling twice is a no-op. */
  void cancel();
}
