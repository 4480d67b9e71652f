package io.sluice.state.internals;

import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;

/** Helpers for the contexts that store layers receive in {@code init}. */
final class StoreContexts {

  private StoreContexts() {}

  /**
   * The engine's internal view of {@code context}.
   *
   * @throws StateStoreException naming the store if the context is not an engine context
   */
  static InternalStoreContext internal(StateStoreContext context, String storeName) {
    if (context instanceof InternalStoreContext internal) {
      return internal;
    }
    throw new StateStoreException(
        "store "
            + storeName
            + " was initialised with a "
            + (context == null ? "null context" : context.getClass().getName())
            + "; its layers need the engine's InternalStoreContext, so let the task initialise it");
  }

  /** The changelog topic of a store: {@code <application.id>-<store>-changelog}. */
  static String changelogTopic(StateStoreContext context, String storeName) {
    return context.applicationId() + "-" + storeName + "-changelog";
  }

  /**
   * The timestamp to stamp on a changelog record: the current record's, or stream time (not below
   * 0) when a write happens outside record processing.
   */
  static long changeTimestamp(InternalStoreContext context) {
    ProcessorRecordContext record = context.recordContext();
    if (record != null) {
      return record.timestamp();
    }
    return Math.max(0L, context.currentStreamTimeMs());
  }
}
