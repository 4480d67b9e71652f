package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;

/**
 * Merges a snapshot of cached entries with an iterator of the store below, in the store's key
 * order (or its reverse). Where both hold a key the cache wins; keys deleted in the cache (cached
 * {@code null}) are skipped. Closing closes the store iterator.
 *
 * @param <K> key type: serialized keys, or windowed keys, or window starts
 */
class MergedCacheIterator<K> implements KeyValueIterator<K, byte[]> {

  private final ListIterator<KeyValue<K, CacheEntry>> cached;
  private final KeyValueIterator<K, byte[]> stored;
  private final Comparator<? super K> order;
  private final boolean forward;
  private KeyValue<K, CacheEntry> cacheHead;
  private KeyValue<K, byte[]> next;

  /**
   * @param cached cached entries in ascending {@code order}
   * @param stored the store's entries, ascending if {@code forward}, else descending
   * @param order the key order of store and cache
   */
  MergedCacheIterator(
      List<KeyValue<K, CacheEntry>> cached,
      KeyValueIterator<K, byte[]> stored,
      Comparator<? super K> order,
      boolean forward) {
    this.cached = forward ? cached.listIterator() : cached.listIterator(cached.size());
    this.stored = stored;
    this.order = order;
    this.forward = forward;
  }

  private KeyValue<K, CacheEntry> takeCached() {
    if (forward) {
      return cached.hasNext() ? cached.next() : null;
    }
    return cached.hasPrevious() ? cached.previous() : null;
  }

  /** Finds the next visible entry; {@code next} stays null at the end. */
  private void advance() {
    while (next == null) {
      if (cacheHead == null) {
        cacheHead = takeCached();
      }
      boolean storeHas = stored.hasNext();
      if (cacheHead == null && !storeHas) {
        return;
      }
      int side;
      if (cacheHead == null) {
        side = 1;
      } else if (!storeHas) {
        side = -1;
      } else {
        int cmp = this.order.compare(cacheHead.key(), stored.peekNextKey());
        side = forward ? cmp : -cmp;
      }
      if (side > 0) {
        next = stored.next();
        continue;
      }
      if (side == 0) {
        stored.next();
      }
      KeyValue<K, CacheEntry> head = cacheHead;
      cacheHead = null;
      if (head.value().value() != null) {
        next = new KeyValue<>(head.key(), head.value().value());
      }
    }
  }

  @Override
  public boolean hasNext() {
    advance();
    return next != null;
  }

  @Override
  public KeyValue<K, byte[]> next() {
    advance();
    if (next == null) {
      throw new NoSuchElementException("no more entries");
    }
    KeyValue<K, byte[]> result = next;
    next = null;
    return result;
  }

  @Override
  public K peekNextKey() {
    advance();
    if (next == null) {
      throw new NoSuchElementException("no more entries");
    }
    return next.key();
  }

  @Override
  public void close() {
    stored.close();
  }
}
