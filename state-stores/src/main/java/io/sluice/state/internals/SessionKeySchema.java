package io.sluice.state.internals;

import io.sluice.serdes.internals.WindowedKeyBytes;
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
 * The record key takes every byte before the last 16, so it needs no length prefix. This is the
 * session-windowed key layout of {@link WindowedKeyBytes}, which does the encoding.
 */
final class SessionKeySchema {

  /** Bytes after the record key. */
  static final int SUFFIX_BYTES = WindowedKeyBytes.SESSION_SUFFIX_BYTES;

  private SessionKeySchema() {}

  /** Encodes a record key and its session bounds as above. */
  static Bytes toStoreKey(Bytes key, long startMs, long endMs) {
    return Bytes.wrap(WindowedKeyBytes.toSessionWindowed(key.get(), startMs, endMs));
  }

  /** The record key of an encoded store key. */
  static Bytes key(byte[] storeKey) {
    checkLength(storeKey);
    return Bytes.wrap(WindowedKeyBytes.keyBytes(storeKey, SUFFIX_BYTES));
  }

  /** The session end of an encoded store key. */
  static long end(byte[] storeKey) {
    checkLength(storeKey);
    return WindowedKeyBytes.sessionWindowEnd(storeKey);
  }

  /** The session start of an encoded store key. */
  static long start(byte[] storeKey) {
    checkLength(storeKey);
    return WindowedKeyBytes.sessionWindowStart(storeKey);
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
