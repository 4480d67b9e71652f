package io.sluice.state.internals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The iterators a store has handed out and that are not closed yet. When the store closes, it
 * closes the stragglers (their native resources must go before the RocksDB instance) and warns,
 * naming the store, because an unclosed iterator is a leak in the caller's code.
 */
final class OpenIterators {

  private static final Logger LOG = LoggerFactory.getLogger(OpenIterators.class);

  private final String storeName;
  private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();

  OpenIterators(String storeName) {
    this.storeName = storeName;
  }

  void add(AutoCloseable iterator) {
    open.add(iterator);
  }

  void remove(AutoCloseable iterator) {
    open.remove(iterator);
  }

  int size() {
    return open.size();
  }

  /** Closes every open iterator, warning once if there were any. */
  void closeAll() {
    List<AutoCloseable> leaked = new ArrayList<>(open);
    if (leaked.isEmpty()) {
      return;
    }
    LOG.warn(
        "Store {} is closing with {} iterator(s) still open; closing them now. Close every"
            + " store iterator when done with it (try-with-resources).",
        storeName,
        leaked.size());
    for (AutoCloseable iterator : leaked) {
      try {
        iterator.close();
      } catch (Exception e) {
        LOG.warn("Closing a leaked iterator of store {} failed", storeName, e);
      }
    }
    open.clear();
  }
}
