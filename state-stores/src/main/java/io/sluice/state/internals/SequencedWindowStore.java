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
}
