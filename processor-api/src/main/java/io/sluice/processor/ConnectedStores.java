package io.sluice.processor;

import io.sluice.state.StoreBuilder;
import java.util.Set;

/**
 * Lets a supplier bring its own stores: the topology adds each builder returned and connects it
 * to the processor the supplier is added with.
 */
public interface ConnectedStores {
  /** Store builders to add and connect; empty by default, never {@code null}. */
  default Set<StoreBuilder<?>> stores() {
    return Set.of();
  }
}
