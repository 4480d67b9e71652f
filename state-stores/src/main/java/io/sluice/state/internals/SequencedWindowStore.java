package io.sluice.state.internals;

/**
 * A window byte store that numbers the puts it keeps as duplicates. The changelogging layer logs
 * each put under the number the store gave it, so changelog keys equal the store's own keys and a
 * store restored from its changelog continues numbering after the highest restored number: later
 * puts never reuse (and, by compaction, erase) the changelog key of an earlier one.
 */
interface SequencedWindowStore {

  /**
   * The sequence number given to the latest put of a store that retains duplicates (also when that
   * put was dropped as expired); 0 before any put.
   */
  int lastPutSequence();

  /**
   * The sequence number after {@code sequence}, wrapping from {@link Integer#MAX_VALUE} to 1 so
   * numbers stay positive (a negative number would sort before older duplicates and be missed
   * when a reopened store recovers its counter).
   */
  static int next(int sequence) {
    return sequence == Integer.MAX_VALUE ? 1 : sequence + 1;
  }
}
