package io.sluice.dsl.internals;

/**
 * A table-producing processor supplier that forwards old values along with new ones once a
 * downstream operator asks for them (before the topology is built).
 */
interface SendsOldValues {
  /** Makes every processor created from now on forward old values too. */
  void enableSendingOldValues();
}
