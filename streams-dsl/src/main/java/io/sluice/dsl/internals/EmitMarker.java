package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorContext;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StoreBuilder;
import io.sluice.state.Stores;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The changelogged "final results emitted up to" mark of an emit-on-window-close aggregation or
 * a window-close suppression: the window close time (stream time minus grace, epoch ms) up to
 * which every closed window was forwarded. Kept in a small key-value store with a changelog, one
 * entry per task, so that after a failover the restored mark says which final results were already
 * sent: none is sent twice and, with stream time restored from the committed offsets, none is
 * lost.
 */
final class EmitMarker {
  private static final String KEY = "emitted-up-to";

  private KeyValueStore<String, Long> store;
  private long emittedUpTo = Long.MIN_VALUE;

  /**
   * @param operatorStoreName the name of the operator's main store
   * @return the marker store's name: {@code <operatorStoreName>-emitted}
   */
  static String storeName(String operatorStoreName) {
    return operatorStoreName + "-emitted";
  }

  /**
   * @param operatorStoreName the name of the operator's main store
   * @return a builder of the marker store (in memory, restored from its changelog)
   */
  static StoreBuilder<KeyValueStore<String, Long>> storeBuilder(String operatorStoreName) {
    return Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(storeName(operatorStoreName)), Serdes.String(),
        Serdes.Long());
  }

  /**
   * Reads the mark from the (restored) store.
   *
   * @param context the processor's context, connected to the marker store
   * @param operatorStoreName the name of the operator's main store
   */
  void init(ProcessorContext<?, ?> context, String operatorStoreName) {
    store = context.getStateStore(storeName(operatorStoreName));
    Long stored = store.get(KEY);
    emittedUpTo = stored == null ? Long.MIN_VALUE : stored;
  }

  /** @return the close time up to which final results were emitted; {@code Long.MIN_VALUE} if none */
  long emittedUpTo() {
    return emittedUpTo;
  }

  /**
   * Records that every window closed at {@code closeTime} has been emitted.
   *
   * @param closeTime stream time minus grace, epoch ms
   */
  void advance(long closeTime) {
    if (closeTime > emittedUpTo) {
      emittedUpTo = closeTime;
      store.put(KEY, closeTime);
    }
  }
}
