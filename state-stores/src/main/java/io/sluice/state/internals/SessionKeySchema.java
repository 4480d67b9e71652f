package io.sluice.state.internals;

import java.nio.ByteBuffer;
import org.apache.kafka.common.utils.Bytes;

/**
 * The changelog key of a session store entry:
 *
 * <pre>
 * [the serialized record key, variable length]
 * [8 bytes session end, epoch milliseconds, big-endian (the last record's timestamp)]
 * [8 bytes session start, epoch milliseconds, big-endian]
 * </pre>
 *
 * The record key takes every byte before the last 16, so it needs no length prefix.
 */
final class SessionKeySchema {

  /** Bytes after the record key. */
  static final int SUFFIX_BYTES = 2 * Long.BYTES;

  private SessionKeySchema() {}

  /** Encodes a record key and its session bounds as above. */
  static Bytes toStoreKey(Bytes key, long startMs, long endMs) {
    byte[] k = key.get();
    return Bytes.wrap(
        ByteBuffer.allocate(k.length + SUFFIX_BYTES).put(k).putLong(endMs).putLong(startMs).array());
  }

  /** The record key of an encoded store key. */
  static Bytes key(byte[] storeKey) {
    checkLength(storeKey);
    return Bytes.wrap(java.util.Arrays.copyOf(storeKey, storeKey.length - SUFFIX_BYTES));
  }

  /** The session end of an encoded store key. */
  static long end(byte[] storeKey) {
    checkLength(storeKey);
    return ByteBuffer.wrap(storeKey).getLong(storeKey.length - SUFFIX_BYTES);
  }

  /** The session start of an encoded store key. */
  static long start(byte[] storeKey) {
    checkLength(storeKey);
    return ByteBuffer.wrap(storeKey).getLong(storeKey.length - Long.BYTES);
  }

  private static void checkLength(byte[] storeKey) {
    if (storeKey.length < SUFFIX_BYTES) {
      throw new IllegalArgumentException(
          "session store key must have at least "
              + SUFFIX_BYTES
              + " bytes (key, 8-byte end, 8-byte start) but had "
              + storeKey.length);
    }
  }
}
