package io.sluice.dsl.internals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The stored form of a {@link DedupEntry}, version 1: a version byte (1), the timestamp (8 bytes),
 * the partition (4), the offset (8), then the topic as a 2-byte length (-1 for none) and its UTF-8
 * bytes. A later version may append fields; readers reject versions they do not know.
 */
final class DedupEntrySerde implements Serde<DedupEntry> {
  static final byte VERSION = 1;

  @Override
  public Serializer<DedupEntry> serializer() {
    return (topic, entry) -> entry == null ? null : write(entry);
  }

  @Override
  public Deserializer<DedupEntry> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  static byte[] write(DedupEntry entry) {
    byte[] topic = entry.topic() == null ? null : entry.topic().getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(1 + 8 + 4 + 8 + 2 + (topic == null ? 0 : topic.length));
    buf.put(VERSION).putLong(entry.timestamp()).putInt(entry.partition()).putLong(entry.offset());
    if (topic == null) {
      buf.putShort((short) -1);
    } else {
      buf.putShort((short) topic.length).put(topic);
    }
    return buf.array();
  }

  static DedupEntry read(byte[] bytes) {
    if (bytes.length < 23 || bytes[0] != VERSION) {
      throw new SerializationException("Cannot read a deduplication entry of " + bytes.length
          + " bytes with format version " + (bytes.length == 0 ? "none" : bytes[0])
          + "; this release reads version " + VERSION + " (was the store written by a newer one?)");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    long timestamp = buf.getLong();
    int partition = buf.getInt();
    long offset = buf.getLong();
    short length = buf.getShort();
    String topic = null;
    if (length >= 0) {
      if (buf.remaining() < length) {
        throw new SerializationException("Truncated deduplication entry: topic of " + length
            + " bytes but " + buf.remaining() + " left");
      }
      byte[] t = new byte[length];
      buf.get(t);
      topic = new String(t, StandardCharsets.UTF_8);
    }
    return new DedupEntry(timestamp, topic, partition, offset);
  }
}
