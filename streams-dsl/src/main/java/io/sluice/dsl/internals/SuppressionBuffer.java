package io.sluice.dsl.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;

/**
 * A suppression buffer: the latest update per serialized key, ordered by buffer time then key
 * bytes, backed by a changelogged key-value store of {@link BufferedUpdate}s so that a restored
 * task finds exactly what was buffered at its last commit. A key keeps the buffer time of its first
 * buffered update until it is evicted. The in-memory index is rebuilt from the store on init.
 */
final class SuppressionBuffer {
  private record Slot(long time, Bytes key) {}

  private static final Comparator<Slot> ORDER =
      Comparator.comparingLong(Slot::time).thenComparing(Slot::key);

  private final String storeName;
  private final TreeMap<Slot, BufferedUpdate> sorted = new TreeMap<>(ORDER);
  private final Map<Bytes, Slot> index = new HashMap<>();
  private KeyValueStore<Bytes, byte[]> store;
  private long bytes;

  SuppressionBuffer(String storeName) {
    this.storeName = storeName;
  }

  /** Loads the buffered entries from the (restored) store. */
  void init(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
    sorted.clear();
    index.clear();
    bytes = 0;
    try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<Bytes, byte[]> entry = it.next();
        BufferedUpdate update = BufferedUpdate.deserialize(entry.value(), storeName);
        Slot slot = new Slot(update.bufferTime(), entry.key());
        sorted.put(slot, update);
        index.put(entry.key(), slot);
        bytes += size(entry.key(), entry.value());
      }
    }
  }

  /** @return the buffered update of {@code key}, or {@code null} */
  BufferedUpdate get(Bytes key) {
    Slot slot = index.get(key);
    return slot == null ? null : sorted.get(slot);
  }

  /**
   * Buffers the latest update of a key; a key already buffered keeps its place in the order.
   *
   * @param key the serialized key
   * @param update the update; its buffer time is ignored for a key already buffered
   */
  void put(Bytes key, BufferedUpdate update) {
    Slot slot = index.get(key);
    BufferedUpdate stored = update;
    if (slot == null) {
      slot = new Slot(update.bufferTime(), key);
      index.put(key, slot);
    } else {
      BufferedUpdate previous = sorted.get(slot);
      bytes -= size(key, previous.serialize());
      stored = new BufferedUpdate(slot.time(), update.prior(), update.newValue(),
          update.timestamp(), update.headers());
    }
    sorted.put(slot, stored);
    byte[] serialized = stored.serialize();
    bytes += size(key, serialized);
    store.put(key, serialized);
  }

  /** @return the smallest buffer time, or {@code Long.MAX_VALUE} when empty */
  long minTime() {
    return sorted.isEmpty() ? Long.MAX_VALUE : sorted.firstKey().time();
  }

  /**
   * Removes and returns the entry with the smallest buffer time.
   *
   * @return the key and its update, or {@code null} when empty
   */
  KeyValue<Bytes, BufferedUpdate> pollFirst() {
    Map.Entry<Slot, BufferedUpdate> first = sorted.pollFirstEntry();
    if (first == null) {
      return null;
    }
    Bytes key = first.getKey().key();
    index.remove(key);
    bytes -= size(key, first.getValue().serialize());
    store.delete(key);
    return KeyValue.pair(key, first.getValue());
  }

  /** @return the number of buffered keys */
  long records() {
    return sorted.size();
  }

  /** @return the bytes of buffered keys and stored entries */
  long bytes() {
    return bytes;
  }

  private static long size(Bytes key, byte[] value) {
    return key.get().length + (long) value.length;
  }
}
