package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import org.apache.kafka.common.utils.Bytes;

/**
 * Merges a snapshot of cached entries with an iterator of the store below, in unsigned key order
 * (or its reverse). Where both hold a key the cache wins; keys deleted in the cache (cached
 * {@code null}) are skipped. Closing closes the store iterator.
 */
final class MergedCacheIterator implements KeyValueIterator<Bytes, byte[]> {

  private final ListIterator<KeyValue<Bytes, CacheEntry>> cached;
  private final KeyValueIterator<Bytes, byte[]> stored;
  private final boolean forward;
  private KeyValue<Bytes, CacheEntry> cacheHead;
  private KeyValue<Bytes, byte[]> next;

  /**
   * @param cached cached entries in ascending key order
   * @param stored the store's entries, in ascending order if {@code forward}, else descending
   */
  MergedCacheIterator(
      List<KeyValue<Bytes, CacheEntry>> cached,
      KeyValueIterator<Bytes, byte[]> stored,
      boolean forward) {
    this.cached = forward ? cached.listIterator() : cached.listIterator(cached.size());
    this.stored = stored;
    this.forward = forward;
  }

  private KeyValue<Bytes, CacheEntry> takeCached() {
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
      int order;
      if (cacheHead == null) {
        order = 1;
      } else if (!storeHas) {
        order = -1;
      } else {
        int cmp = cacheHead.key().compareTo(stored.peekNextKey());
        order = forward ? cmp : -cmp;
      }
      if (order > 0) {
        next = stored.next();
        continue;
      }
      if (order == 0) {
        stored.next();
      }
      KeyValue<Bytes, CacheEntry> head = cacheHead;
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
  public KeyValue<Bytes, byte[]> next() {
    advance();
    if (next == null) {
      throw new NoSuchElementException("no more entries");
    }
    KeyValue<Bytes, byte[]> result = next;
    next = null;
    return result;
  }

  @Override
  public Bytes peekNextKey() {
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
