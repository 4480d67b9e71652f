package io.sluice.dsl.internals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One key's entry in a suppression buffer, as stored in the buffer's changelogged store: the buffer
 * time that orders it, the serialized value before the first buffered update (the "prior" value
 * an emitted change reports as old), the serialized latest value, and the timestamp and headers of
 * the latest update. Format: version byte {@value #VERSION}, buffer time (8), timestamp (8), prior
 * and new value (length-prefixed, -1 for null), header count then each header's UTF-8 key and
 * value (length-prefixed).
 *
 * @param bufferTime the time the entry is evicted by (window end or first update time), epoch ms
 * @param prior the serialized value before the first buffered update, or {@code null}
 * @param newValue the serialized latest value, or {@code null} for a tombstone
 * @param timestamp the latest update's timestamp, epoch ms
 * @param headers the latest update's headers
 */
record BufferedUpdate(long bufferTime, byte[] prior, byte[] newValue, long timestamp,
    Headers headers) {
  static final byte VERSION = 1;

  /** @return the stored form */
  byte[] serialize() {
    Header[] all = headers.toArray();
    byte[][] keys = new byte[all.length][];
    int size = 1 + 8 + 8 + 4 + length(prior) + 4 + length(newValue) + 4;
    for (int i = 0; i < all.length; i++) {
      keys[i] = all[i].key().getBytes(StandardCharsets.UTF_8);
      size += 4 + keys[i].length + 4 + length(all[i].value());
    }
    ByteBuffer buffer = ByteBuffer.allocate(size);
    buffer.put(VERSION).putLong(bufferTime).putLong(timestamp);
    putBytes(buffer, prior);
    putBytes(buffer, newValue);
    buffer.putInt(all.length);
    for (int i = 0; i < all.length; i++) {
      putBytes(buffer, keys[i]);
      putBytes(buffer, all[i].value());
    }
    return buffer.array();
  }

  /**
   * @param bytes the stored form
   * @param store the buffer store's name, for the error message
   * @return the entry
   * @throws IllegalStateException naming the store if the format version is unknown
   */
  static BufferedUpdate deserialize(byte[] bytes, String store) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    byte version = buffer.get();
    if (version != VERSION) {
      throw new IllegalStateException("Suppression buffer store '" + store + "' holds an entry of"
          + " format version " + version + "; this Sluice reads version " + VERSION
          + "; upgrade Sluice or reset the application's state");
    }
    long bufferTime = buffer.getLong();
    long timestamp = buffer.getLong();
    byte[] prior = getBytes(buffer);
    byte[] newValue = getBytes(buffer);
    int count = buffer.getInt();
    RecordHeaders headers = new RecordHeaders();
    for (int i = 0; i < count; i++) {
      headers.add(new String(getBytes(buffer), StandardCharsets.UTF_8), getBytes(buffer));
    }
    return new BufferedUpdate(bufferTime, prior, newValue, timestamp, headers);
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static void putBytes(ByteBuffer buffer, byte[] bytes) {
    if (bytes == null) {
      buffer.putInt(-1);
    } else {
      buffer.putInt(bytes.length).put(bytes);
    }
  }

  private static byte[] getBytes(ByteBuffer buffer) {
    int length = buffer.getInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return bytes;
  }
}
