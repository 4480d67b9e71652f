package io.sluice.processor;

/** Which clock drives a punctuator. */
public enum PunctuationType {
  /** The task's stream time: the largest record timestamp seen; advances only with input. */
  STREAM_TIME,
  /** The processing thread's wall clock (advanced explicitly in the test driver). */
  WALL_CLOCK_TIME
}
