package io.sluice.state.internals;

import java.nio.ByteBuffer;
import org.apache.kafka.common.utils.Bytes;

/**
 * The changelog key of a window store entry:
 *
 * <pre>
 * [the serialized record key, variable length]
 * [8 bytes window start, epoch milliseconds, big-endian]
 * [4 bytes sequence number, big-endian: 0, or a per-put counter when duplicates are retained]
 * </pre>
 *
 * The record key takes every byte before the last 12, so it needs no length prefix.
 */
final class WindowKeySchema {

  /** Bytes after the record key. */
  static final int SUFFIX_BYTES = Long.BYTES + Integer.BYTES;

  private WindowKeySchema() {}

  /** Encodes a record key, window start and sequence number as above. */
  static Bytes toStoreKey(Bytes key, long windowStartMs, int seq) {
    byte[] k = key.get();
    return Bytes.wrap(
        ByteBuffer.allocate(k.length + SUFFIX_BYTES)
            .put(k)
            .putLong(windowStartMs)
            .putInt(seq)
            .array());
  }

  /** The record key of an encoded store key. */
  static Bytes key(byte[] storeKey) {
    checkLength(storeKey);
    return Bytes.wrap(java.util.Arrays.copyOf(storeKey, storeKey.length - SUFFIX_BYTES));
  }

  /** The window start of an encoded store key. */
  static long windowStart(byte[] storeKey) {
    checkLength(storeKey);
    return ByteBuffer.wrap(storeKey).getLong(storeKey.length - SUFFIX_BYTES);
  }

  /** The sequence number of an encoded store key. */
  static int seq(byte[] storeKey) {
    checkLength(storeKey);
    return ByteBuffer.wrap(storeKey).getInt(storeKey.length - Integer.BYTES);
  }

  private static void checkLength(byte[] storeKey) {
    if (storeKey.length < SUFFIX_BYTES) {
      throw new IllegalArgumentException(
          "window store key must have at least "
              + SUFFIX_BYTES
              + " bytes (key, 8-byte start, 4-byte sequence) but had "
              + storeKey.length);
    }
  }
}
