package io.sluice.serdes.internals;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Builds and takes apart the byte layouts of windowed keys without deserializing the key, for
 * the windowed-key serdes and for window and session stores.
 *
 * <pre>
 * time window:    [key bytes][8 bytes window start, big-endian]
 * session window: [key bytes][8 bytes window end, big-endian][8 bytes window start, big-endian]
 * </pre>
 *
 * The session layout puts the end before the start, as Kafka Streams' session-windowed keys do.
 *
 * The readers expect input at least as long as the suffix; callers check that first with
 * {@link FormatChecks#requireLength}, otherwise they fail with an index exception.
 */
public final class WindowedKeyBytes {

  /** Bytes after the key in a time-windowed key: the window start. */
  public static final int TIME_SUFFIX_BYTES = Long.BYTES;

  /** Bytes after the key in a session-windowed key: window start and end. */
  public static final int SESSION_SUFFIX_BYTES = 2 * Long.BYTES;

  private WindowedKeyBytes() {}

  /** Appends {@code startMs} to {@code key}: the time-window layout. */
  public static byte[] toTimeWindowed(byte[] key, long startMs) {
    return ByteBuffer.allocate(key.length + TIME_SUFFIX_BYTES).put(key).putLong(startMs).array();
  }

  /** Appends {@code endMs}, then {@code startMs}, to {@code key}: the session-window layout. */
  public static byte[] toSessionWindowed(byte[] key, long startMs, long endMs) {
    return ByteBuffer.allocate(key.length + SESSION_SUFFIX_BYTES)
        .put(key)
        .putLong(endMs)
        .putLong(startMs)
        .array();
  }

  /** A copy of the key bytes of a time- or session-windowed key with a suffix of that length. */
  public static byte[] keyBytes(byte[] windowed, int suffixBytes) {
    return Arrays.copyOfRange(windowed, 0, windowed.length - suffixBytes);
  }

  /** The window start (epoch milliseconds) of a time-windowed key. */
  public static long timeWindowStart(byte[] windowed) {
    return readLong(windowed, windowed.length - TIME_SUFFIX_BYTES);
  }

  /** The window start (epoch milliseconds) of a session-windowed key. */
  public static long sessionWindowStart(byte[] windowed) {
    return readLong(windowed, windowed.length - Long.BYTES);
  }

  /** The window end (epoch milliseconds, inclusive) of a session-windowed key. */
  public static long sessionWindowEnd(byte[] windowed) {
    return readLong(windowed, windowed.length - SESSION_SUFFIX_BYTES);
  }

  private static long readLong(byte[] bytes, int offset) {
    return ByteBuffer.wrap(bytes, offset, Long.BYTES).getLong();
  }
}
