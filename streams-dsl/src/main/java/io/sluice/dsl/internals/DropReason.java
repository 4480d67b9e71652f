package io.sluice.dsl.internals;

/**
 * Why an operator dropped a record. Its {@link #name()} is the value of the
 * {@value DropReporter#REASON_HEADER} header on the dropped-records side output.
 */
public enum DropReason {
  /** The record's timestamp is behind the close time (end plus grace) of its window. */
  LATE,
  /** The operation needs a key (aggregation, join, deduplication id) and the record had none. */
  NULL_KEY,
  /** The operation cannot take a {@code null} value and the record had one. */
  NULL_VALUE,
  /** A foreign-key join's extractor returned {@code null} for the record's value. */
  NULL_FOREIGN_KEY,
  /**
   * A window expired from the store (retention passed): the record's own window, or, for sliding
   * windows emitted on close, a final result that the record's writes expired before it was sent.
   */
  EXPIRED_WINDOW
}
