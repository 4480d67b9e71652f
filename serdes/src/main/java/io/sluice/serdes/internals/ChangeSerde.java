package io.sluice.serdes.internals;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link Change}, the old/new value pair that table updates carry through repartition
 * topics.
 *
 * <p>Byte layout, version {@value #VERSION}:
 *
 * <pre>
 * [1 byte  version = 1]
 * [4 bytes old value length, big-endian; -1 when the old value is null]
 * [old value bytes from the inner serializer]
 * [4 bytes new value length, big-endian; -1 when the new value is null]
 * [new value bytes from the inner serializer]
 * </pre>
 *
 * A {@code null} change serializes to {@code null} and back. A side is written as null when it
 * is {@code null} or its inner serializer returns {@code null}; a null side is read back as
 * {@code null} without calling the inner deserializer. Configuring or closing this serde
 * configures or closes the inner one.
 *
 * @param <V> the value type
 */
public final class ChangeSerde<V> extends Serdes.WrapperSerde<Change<V>> {

  /** The format version this release writes and reads. */
  public static final byte VERSION = 1;

  private static final String FORMAT = "change (old/new value)";
  private static final int NULL_LENGTH = -1;

  /**
   * @param inner the serde of the old and new values
   * @throws NullPointerException if {@code inner} is null
   */
  public ChangeSerde(Serde<V> inner) {
    super(
        new ChangeSerializer<>(Objects.requireNonNull(inner, "inner").serializer()),
        new ChangeDeserializer<>(inner.deserializer()));
  }

  private static final class ChangeSerializer<V> implements Serializer<Change<V>> {
    private final Serializer<V> inner;

    ChangeSerializer(Serializer<V> inner) {
      this.inner = inner;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
      inner.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, Change<V> change) {
      if (change == null) {
        return null;
      }
      byte[] oldBytes = serializeSide(topic, change.oldValue());
      byte[] newBytes = serializeSide(topic, change.newValue());
      ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + length(oldBytes) + 4 + length(newBytes));
      buffer.put(VERSION);
      put(buffer, oldBytes);
      put(buffer, newBytes);
      return buffer.array();
    }

    @Override
    public void close() {
      inner.close();
    }

    private byte[] serializeSide(String topic, V value) {
      return value == null ? null : inner.serialize(topic, value);
    }

    private static int length(byte[] bytes) {
      return bytes == null ? 0 : bytes.length;
    }

    private static void put(ByteBuffer buffer, byte[] bytes) {
      if (bytes == null) {
        buffer.putInt(NULL_LENGTH);
      } else {
        buffer.putInt(bytes.length).put(bytes);
      }
    }
  }

  private static final class ChangeDeserializer<V> implements Deserializer<Change<V>> {
    private final Deserializer<V> inner;

    ChangeDeserializer(Deserializer<V> inner) {
      this.inner = inner;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
      inner.configure(configs, isKey);
    }

    @Override
    public Change<V> deserialize(String topic, byte[] data) {
      if (data == null) {
        return null;
      }
      FormatChecks.requireVersion(data, FORMAT, topic, VERSION);
      ByteBuffer buffer = ByteBuffer.wrap(data, 1, data.length - 1);
      byte[] oldBytes = take(buffer, data, topic, "old");
      byte[] newBytes = take(buffer, data, topic, "new");
      if (buffer.hasRemaining()) {
        throw new SerializationException(
            "Cannot read " + FORMAT + FormatChecks.where(topic) + ": " + buffer.remaining()
                + " unexpected bytes after the new value (payload "
                + FormatChecks.describe(data) + ")");
      }
      V oldValue = oldBytes == null ? null : inner.deserialize(topic, oldBytes);
      V newValue = newBytes == null ? null : inner.deserialize(topic, newBytes);
      return new Change<>(oldValue, newValue);
    }

    @Override
    public void close() {
      inner.close();
    }

    private static byte[] take(ByteBuffer buffer, byte[] data, String topic, String side) {
      if (buffer.remaining() < 4) {
        throw malformed(data, topic, "the " + side + " value's length is missing");
      }
      int length = buffer.getInt();
      if (length == NULL_LENGTH) {
        return null;
      }
      if (length < 0 || length > buffer.remaining()) {
        throw malformed(
            data,
            topic,
            "the " + side + " value's length " + length + " does not fit the "
                + buffer.remaining() + " bytes left");
      }
      byte[] bytes = new byte[length];
      buffer.get(bytes);
      return bytes;
    }

    private static SerializationException malformed(byte[] data, String topic, String problem) {
      return new SerializationException(
          "Cannot read " + FORMAT + FormatChecks.where(topic) + ": " + problem + " (payload "
              + FormatChecks.describe(data) + ")");
    }
  }
}
