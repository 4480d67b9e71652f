package io.sluice.state.internals;

import io.sluice.state.StateStoreContext;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * The engine-side view a store's internal layers need beyond {@link StateStoreContext}: the
 * current record context, changelog writes through the task's record collector, and the
 * configured default serdes. Implemented by the task engine (processor-api), for both drivers.
 */
public interface InternalStoreContext extends StateStoreContext {

  /** The context of the record being processed; never {@code null} while a task processes. */
  ProcessorRecordContext recordContext();

  /** Replaces the current record context (the caching layer does so while it forwards). */
  void setRecordContext(ProcessorRecordContext context);

  /**
   * Sends one change of {@code storeName} to its changelog partition (the task's partition of
   * {@code <application.id>-<storeName>-changelog}) through the task's record collector.
   *
   * @param key serialized store key
   * @param value serialized store value, or {@code null} for a delete
   * @param timestamp epoch milliseconds to stamp on the changelog record
   */
  void logChange(String storeName, Bytes key, byte[] value, long timestamp);

  /** The {@code default.key.serde} of the configuration, configured for keys. */
  Serde<?> defaultKeySerde();

  /** The {@code default.value.serde} of the configuration, configured for values. */
  Serde<?> defaultValueSerde();

  /**
   * The record cache of the thread running the task, where caching layers keep their dirty
   * entries until the task commits; {@code null} (the default) when the engine gives none, in
   * which case caching layers pass every operation straight through.
   */
  default ThreadCache cache() {
    return null;
  }
}
