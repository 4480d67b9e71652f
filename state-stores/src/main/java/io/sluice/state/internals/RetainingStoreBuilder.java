package io.sluice.state.internals;

/**
 * A store builder whose store keeps data for a bounded time (window and session stores), so its
 * changelog topic can be compacted and deleted after that time plus a margin.
 */
public interface RetainingStoreBuilder {

  /** How long the store keeps a window or session after its end, in milliseconds; at least 0. */
  long retentionMs();
}
