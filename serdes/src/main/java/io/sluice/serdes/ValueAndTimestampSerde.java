package io.sluice.serdes;

import io.sluice.serdes.internals.FormatChecks;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link ValueAndTimestamp}, the value format of timestamped stores and their
 * changelogs.
 *
 * <p>Byte layout, version {@value #VERSION}:
 *
 * <pre>
 * [1 byte  version = 1]
 * [8 bytes timestamp, epoch milliseconds, big-endian two's complement]
 * [the value's bytes from the inner serializer, to the end]
 * </pre>
 *
 * A {@code null} {@link ValueAndTimestamp} serializes to {@code null} (a tombstone) and back, and
 * so does one whose inner serializer returns {@code null}. The static {@code raw*} methods let
 * byte stores read and build this layout without deserializing the value. Configuring or closing
 * this serde configures or closes the inner one.
 *
 * @param <V> the value type
 */
public final class ValueAndTimestampSerde<V> extends Serdes.WrapperSerde<ValueAndTimestamp<V>> {

  /** The format version this release writes and reads. */
  public static final byte VERSION = 1;

  private static final String FORMAT = "value-and-timestamp";
  private static final int HEADER_BYTES = 1 + Long.BYTES;

  /**
   * @param inner the serde of the plain value
   * @throws NullPointerException if {@code inner} is null
   */
  public ValueAndTimestampSerde(Serde<V> inner) {
    super(
        new VatSerializer<>(Objects.requireNonNull(inner, "inner").serializer()),
        new VatDeserializer<>(inner.deserializer()));
  }

  /**
   * Builds the serialized form from an already serialized value.
   *
   * @param rawValue the value's bytes, or {@code null}
   * @param timestamp epoch milliseconds
   * @return the layout above, or {@code null} when {@code rawValue} is {@code null}
   */
  public static byte[] rawValueAndTimestamp(byte[] rawValue, long timestamp) {
    if (rawValue == null) {
      return null;
    }
    return ByteBuffer.allocate(HEADER_BYTES + rawValue.length)
        .put(VERSION)
        .putLong(timestamp)
        .put(rawValue)
        .array();
  }

  /**
   * Reads the timestamp of a serialized value-and-timestamp.
   *
   * @param data the serialized bytes; never {@code null}
   * @return epoch milliseconds
   * @throws SerializationException if {@code data} has another version or is too short
   */
  public static long rawTimestamp(byte[] data) {
    check(data, null);
    return ByteBuffer.wrap(data, 1, Long.BYTES).getLong();
  }

  /**
   * Copies the value bytes out of a serialized value-and-timestamp.
   *
   * @param data the serialized bytes, or {@code null}
   * @return the inner value's bytes, or {@code null} when {@code data} is {@code null}
   * @throws SerializationException if {@code data} has another version or is too short
   */
  public static byte[] rawValue(byte[] data) {
    if (data == null) {
      return null;
    }
    check(data, null);
    return Arrays.copyOfRange(data, HEADER_BYTES, data.length);
  }

  private static void check(byte[] data, String topic) {
    Objects.requireNonNull(data, "data");
    FormatChecks.requireVersion(data, FORMAT, topic, VERSION);
    FormatChecks.requireLength(data, HEADER_BYTES, FORMAT, topic);
  }

  private static final class VatSerializer<V> implements Serializer<ValueAndTimestamp<V>> {
    private final Serializer<V> inner;

    VatSerializer(Serializer<V> inner) {
      this.inner = inner;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
      inner.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, ValueAndTimestamp<V> data) {
      if (data == null) {
        return null;
      }
      return rawValueAndTimestamp(inner.serialize(topic, data.value()), data.timestamp());
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  private static final class VatDeserializer<V> implements Deserializer<ValueAndTimestamp<V>> {
    private final Deserializer<V> inner;

    VatDeserializer(Deserializer<V> inner) {
      this.inner = inner;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
      inner.configure(configs, isKey);
    }

    @Override
    public ValueAndTimestamp<V> deserialize(String topic, byte[] data) {
      if (data == null) {
        return null;
      }
      check(data, topic);
      long timestamp = ByteBuffer.wrap(data, 1, Long.BYTES).getLong();
      byte[] value = Arrays.copyOfRange(data, HEADER_BYTES, data.length);
      return ValueAndTimestamp.make(inner.deserialize(topic, value), timestamp);
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
