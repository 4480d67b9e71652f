package io.sluice.runtime;

import io.sluice.state.StateStore;
import java.util.List;
import java.util.function.Supplier;

/**
 * A kind of store an interactive query asks for, and how to build the read-only view the caller
 * gets; the usual ones come from {@link QueryableStoreTypes}.
 *
 * @param <T> the view's type, e.g. {@code ReadOnlyKeyValueStore<K, V>}
 */
public interface QueryableStoreType<T> {

  /** Whether {@code store} (a task's outermost store layer) can be read as {@code T}. */
  boolean accepts(StateStore store);

  /**
   * The view over the local copies of {@code storeName}.
   *
   * @param stores supplies, on every read, the accepted local copies queryable at that moment;
   *     it throws {@link StoreRebalancingException} while the instance is rebalancing
   */
  T create(String storeName, Supplier<List<StateStore>> stores);
}
