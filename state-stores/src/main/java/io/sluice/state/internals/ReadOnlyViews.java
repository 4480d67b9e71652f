package io.sluice.state.internals;

import io.sluice.state.ReadOnlyKeyValueStore;
import io.sluice.state.ReadOnlySessionStore;
import io.sluice.state.ReadOnlyWindowStore;

/**
 * Read-only views of stores, for interactive queries and any caller that must not write: the view
 * implements only the read-only interface, so it cannot be cast back to the writable store.
 */
public final class ReadOnlyViews {

  private ReadOnlyViews() {}

  /** A view of {@code store} that offers only its read operations. */
  public static <K, V> ReadOnlyKeyValueStore<K, V> keyValue(ReadOnlyKeyValueStore<K, V> store) {
    return new ReadOnlyKeyValueView<>(store);
  }

  /** A view of {@code store} that offers only its read operations. */
  public static <K, V> ReadOnlyWindowStore<K, V> window(ReadOnlyWindowStore<K, V> store) {
    return new ReadOnlyWindowView<>(store);
  }

  /** A view of {@code store} that offers only its read operations. */
  public static <K, AGG> ReadOnlySessionStore<K, AGG> session(ReadOnlySessionStore<K, AGG> store) {
    return new ReadOnlySessionView<>(store);
  }
}
