package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.StateStoreException;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.apache.kafka.common.utils.Bytes;
import org.rocksdb.RocksIterator;

/**
 * A key-value store iterator over a {@link RocksIterator}, forward or backward, between optional
 * bounds compared as unsigned bytes (RocksDB's default bytewise order). It unregisters itself from
 * its store when closed; once closed (or its store closed) every call but {@code close} fails.
 */
final class RocksDBRangeIterator implements KeyValueIterator<Bytes, byte[]> {

  private final String storeName;
  private final OpenIterators registry;
  private final RocksDBDatabase db;
  private final RocksIterator it;
  private final boolean forward;
  private final byte[] lower;
  private final byte[] upper;
  private final boolean upperInclusive;
  private KeyValue<Bytes, byte[]> next;
  private volatile boolean closed;

  /**
   * @param lower lowest key, inclusive, or {@code null}
   * @param upper highest key, or {@code null}
   * @param upperInclusive whether {@code upper} itself is in range
   */
  RocksDBRangeIterator(
      String storeName,
      RocksDBDatabase db,
      OpenIterators registry,
      boolean forward,
      byte[] lower,
      byte[] upper,
      boolean upperInclusive) {
    this.storeName = storeName;
    this.db = db;
    this.registry = registry;
    this.forward = forward;
    this.lower = lower;
    this.upper = upper;
    this.upperInclusive = upperInclusive;
    this.it =
        db.guarded(
            "range",
            () -> {
              RocksIterator created = db.newIterator();
              seek(created);
              registry.add(this);
              return created;
            });
  }

  private void seek(RocksIterator created) {
    if (forward) {
      if (lower == null) {
        created.seekToFirst();
      } else {
        created.seek(lower);
      }
    } else if (upper == null) {
      created.seekToLast();
    } else {
      created.seekForPrev(upper);
      if (!upperInclusive && created.isValid() && Arrays.equals(created.key(), upper)) {
        created.prev();
      }
    }
  }

  @Override
  public boolean hasNext() {
    return db.guarded("range", this::advance);
  }

  private boolean advance() {
    checkOpen();
    if (next == null && it.isValid()) {
      byte[] key = it.key();
      if (inRange(key)) {
        next = new KeyValue<>(Bytes.wrap(key), it.value());
        if (forward) {
          it.next();
        } else {
          it.prev();
        }
      }
    }
    return next != null;
  }

  private boolean inRange(byte[] key) {
    if (forward) {
      if (upper == null) {
        return true;
      }
      int c = Arrays.compareUnsigned(key, upper);
      return upperInclusive ? c <= 0 : c < 0;
    }
    return lower == null || Arrays.compareUnsigned(key, lower) >= 0;
  }

  @Override
  public KeyValue<Bytes, byte[]> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more entries in store " + storeName);
    }
    KeyValue<Bytes, byte[]> result = next;
    next = null;
    return result;
  }

  @Override
  public Bytes peekNextKey() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more entries in store " + storeName);
    }
    return next.key();
  }

  @Override
  public void close() {
    db.locked(
        () -> {
          if (!closed) {
            closed = true;
            it.close();
            registry.remove(this);
          }
        });
  }

  private void checkOpen() {
    if (closed) {
      throw new StateStoreException(
          "iterator of store "
              + storeName
              + " was closed (by its caller, or because the store"
              + " closed); open a new one to read again");
    }
  }
}
