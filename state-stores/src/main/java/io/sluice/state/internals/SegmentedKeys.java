package io.sluice.state.internals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * The RocksDB key of a segmented (window or session) store entry, ordered so one key's entries are
 * contiguous and sorted by time:
 *
 * <pre>
 * [record key, escaped: each 0x00 becomes 0x00 0x01] [terminator 0x00 0x00]
 * [8 bytes time, big-endian, sign bit flipped]       (window start / session end)
 * [4 or 8 bytes tie-breaker, big-endian, sign bit flipped] (sequence number / session start)
 * </pre>
 *
 * <p>The escaping keeps unsigned key order even when one key is a prefix of another (a plain
 * key-then-suffix layout would not: the suffix bytes would compare against the longer key's bytes),
 * and makes the key prefix-free, so a seek to {@code escape(key)} finds exactly that key's entries.
 * Flipping the sign bit makes unsigned byte order equal signed numeric order.
 */
final class SegmentedKeys {

  private static final byte[] TERMINATOR = {0, 0};

  private final int tieBytes;

  /**
   * @param tieBytes 4 (an int tie-breaker) or 8 (a long)
   */
  SegmentedKeys(int tieBytes) {
    if (tieBytes != Integer.BYTES && tieBytes != Long.BYTES) {
      throw new IllegalArgumentException("tie-breaker must have 4 or 8 bytes but had " + tieBytes);
    }
    this.tieBytes = tieBytes;
  }

  /** The escaped, terminated record key: the prefix of all its entries. */
  static byte[] escape(Bytes key) {
    byte[] k = key.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream(k.length + 4);
    for (byte b : k) {
      out.write(b);
      if (b == 0) {
        out.write(1);
      }
    }
    out.write(TERMINATOR, 0, 2);
    return out.toByteArray();
  }

  /** {@code escape(key)} followed by the flipped time: the seek target of a time range. */
  static byte[] keyAndTime(Bytes key, long time) {
    byte[] escaped = escape(key);
    return ByteBuffer.allocate(escaped.length + Long.BYTES)
        .put(escaped)
        .putLong(time ^ Long.MIN_VALUE)
        .array();
  }

  /** The full RocksDB key of an entry. */
  byte[] encode(Bytes key, long time, long tie) {
    byte[] escaped = escape(key);
    ByteBuffer buffer = ByteBuffer.allocate(escaped.length + Long.BYTES + tieBytes);
    buffer.put(escaped).putLong(time ^ Long.MIN_VALUE);
    if (tieBytes == Integer.BYTES) {
      buffer.putInt((int) tie ^ Integer.MIN_VALUE);
    } else {
      buffer.putLong(tie ^ Long.MIN_VALUE);
    }
    return buffer.array();
  }

  /** The record key of a RocksDB key. */
  Bytes key(byte[] raw) {
    int end = raw.length - Long.BYTES - tieBytes - TERMINATOR.length;
    byte[] out = new byte[end];
    int n = 0;
    for (int i = 0; i < end; i++) {
      out[n++] = raw[i];
      if (raw[i] == 0) {
        i++;
      }
    }
    return Bytes.wrap(Arrays.copyOf(out, n));
  }

  /** The time (window start or session end) of a RocksDB key. */
  long time(byte[] raw) {
    return ByteBuffer.wrap(raw).getLong(raw.length - Long.BYTES - tieBytes) ^ Long.MIN_VALUE;
  }

  /** The tie-breaker (sequence number or session start) of a RocksDB key. */
  long tie(byte[] raw) {
    ByteBuffer buffer = ByteBuffer.wrap(raw);
    return tieBytes == Integer.BYTES
        ? buffer.getInt(raw.length - Integer.BYTES) ^ Integer.MIN_VALUE
        : buffer.getLong(raw.length - Long.BYTES) ^ Long.MIN_VALUE;
  }
}
