package io.sluice.runtime.internals.query;

import io.sluice.runtime.InvalidStateStoreException;
import io.sluice.runtime.StoreRebalancingException;
import io.sluice.state.StateStoreException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The local copies of one store for a composite view, fetched anew for every query, and the
 * translation of a failure of a copy that was closed under the query (its task migrated) into
 * the retriable {@link StoreRebalancingException}.
 */
final class StoreGuard<S> {
  private final String storeName;
  private final Supplier<List<S>> stores;

  StoreGuard(String storeName, Supplier<List<S>> stores) {
    this.storeName = storeName;
    this.stores = stores;
  }

  /** The current local copies; may throw {@link InvalidStateStoreException}. */
  List<S> stores() {
    return stores.get();
  }

  /** Runs a read, turning a store failure into a retriable exception naming the store. */
  <T> T read(Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidStateStoreException e) {
      throw e;
    } catch (StateStoreException e) {
      throw new StoreRebalancingException("Store '" + storeName + "' became unavailable during"
          + " the query (its task may be migrating after a rebalance): " + e.getMessage()
          + "; retry the query", e);
    }
  }
}
