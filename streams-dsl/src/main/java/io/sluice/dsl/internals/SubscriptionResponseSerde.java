package io.sluice.dsl.internals;

import io.sluice.serdes.internals.FormatChecks;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link SubscriptionResponse}, used on the subscription response topic.
 *
 * <p>Byte layout, version {@value #VERSION}:
 *
 * <pre>
 * [1 byte  version = 1]
 * [4 bytes primary partition, big-endian, -1 when unknown]
 * [1 byte  value-hash length: 0 (no left value) or 16]
 * [value-hash bytes]
 * [4 bytes foreign value length, big-endian; -1 when there is no foreign value]
 * [foreign value bytes from the value serializer]
 * </pre>
 *
 * The partition comes right after the version so the response topic's partitioner reads it
 * without decoding the rest ({@link #primaryPartition}). A {@code null} response serializes to
 * {@code null} and back. Configuring or closing this serde configures or closes the value serde.
 *
 * @param <VO> the right (foreign) value type
 */
final class SubscriptionResponseSerde<VO> extends Serdes.WrapperSerde<SubscriptionResponse<VO>> {
  /** The format version this release writes and reads. */
  static final byte VERSION = 1;

  private static final String FORMAT = "foreign-key subscription response";
  private static final int MIN_BYTES = 1 + 4 + 1 + 4;

  /**
   * @param foreignValueSerde the serde of the right table's values
   * @throws NullPointerException if it is null
   */
  SubscriptionResponseSerde(Serde<VO> foreignValueSerde) {
    super(new Writer<>(
            Objects.requireNonNull(foreignValueSerde, "foreignValueSerde").serializer()),
        new Reader<>(foreignValueSerde.deserializer()));
  }

  /**
   * Reads the primary partition of a serialized response without decoding it.
   *
   * @param data a serialized response, may be null or malformed
   * @return the partition, or -1 when unknown or unreadable
   */
  static int primaryPartition(byte[] data) {
    if (data == null || data.length < MIN_BYTES || data[0] != VERSION) {
      return -1;
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }

  private static final class Writer<VO> implements Serializer<SubscriptionResponse<VO>> {
    private final Serializer<VO> values;

    Writer(Serializer<VO> values) {
      this.values = values;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
      values.configure(configs, false);
    }

    @Override
    public byte[] serialize(String topic, SubscriptionResponse<VO> response) {
      if (response == null) {
        return null;
      }
      byte[] value = response.foreignValue() == null
          ? null : values.serialize(topic, response.foreignValue());
      byte[] hash = response.valueHash();
      int hashLength = hash == null ? 0 : hash.length;
      ByteBuffer buffer = ByteBuffer.allocate(
          MIN_BYTES + hashLength + (value == null ? 0 : value.length));
      buffer.put(VERSION).putInt(response.primaryPartition()).put((byte) hashLength);
      if (hash != null) {
        buffer.put(hash);
      }
      if (value == null) {
        buffer.putInt(FormatParts.NULL_LENGTH);
      } else {
        buffer.putInt(value.length).put(value);
      }
      return buffer.array();
    }

    @Override
    public void close() {
      values.close();
    }
  }

  private static final class Reader<VO> implements Deserializer<SubscriptionResponse<VO>> {
    private final Deserializer<VO> values;

    Reader(Deserializer<VO> values) {
      this.values = values;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
      values.configure(configs, false);
    }

    @Override
    public SubscriptionResponse<VO> deserialize(String topic, byte[] data) {
      if (data == null) {
        return null;
      }
      FormatChecks.requireVersion(data, FORMAT, topic, VERSION);
      FormatChecks.requireLength(data, MIN_BYTES, FORMAT, topic);
      ByteBuffer buffer = ByteBuffer.wrap(data, 1, data.length - 1);
      int partition = buffer.getInt();
      byte[] hash = FormatParts.hash(buffer, data, FORMAT, topic);
      byte[] value = FormatParts.sized(buffer, data, FORMAT, topic, "foreign value");
      if (buffer.hasRemaining()) {
        throw FormatParts.malformed(data, FORMAT, topic, buffer.remaining()
            + " unexpected bytes after the foreign value");
      }
      VO foreignValue = value == null ? null : values.deserialize(topic, value);
      return new SubscriptionResponse<>(hash, foreignValue, partition);
    }

    @Override
    public void close() {
      values.close();
    }
  }
}
