package io.sluice.processor;

/** A callback scheduled with {@link ProcessorContext#schedule}. */
@FunctionalInterface
public interface Punctuator {
  /**
   * Runs one punctuation.
   *
   * @param timestampMs the time of this punctuation in epoch milliseconds: the stream time or the
   *     wall-clock time that triggered it
   */
  void punctuate(long timestampMs);
}
