package io.sluice.processor;

/** Where a source starts reading when its group has no committed offset. */
public enum AutoOffsetReset {
  /** From the earliest available offset. */
  EARLIEST,
  /** From the end: only records produced after the start are read. */
  LATEST,
  /** Fail: a missing committed offset is an error. */
  NONE
}
