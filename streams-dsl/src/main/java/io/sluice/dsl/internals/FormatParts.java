package io.sluice.dsl.internals;

import io.sluice.serdes.internals.FormatChecks;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** Field readers shared by the foreign-key join's binary formats; each checks what it reads. */
final class FormatParts {
  /** The length prefix of an absent value. */
  static final int NULL_LENGTH = -1;

  private FormatParts() {}

  /**
   * Reads a one-byte length (0 or {@link ValueHash#LENGTH}) and that many hash bytes.
   *
   * @return the hash, or {@code null} for length 0
   * @throws SerializationException if the length is invalid or the bytes are missing
   */
  static byte[] hash(ByteBuffer buffer, byte[] data, String format, String topic) {
    if (!buffer.hasRemaining()) {
      throw malformed(data, format, topic, "the value-hash length is missing");
    }
    int length = buffer.get() & 0xff;
    if (length == 0) {
      return null;
    }
    if (length != ValueHash.LENGTH) {
      throw malformed(data, format, topic, "value-hash length " + length + ", expected 0 or "
          + ValueHash.LENGTH);
    }
    if (buffer.remaining() < length) {
      throw malformed(data, format, topic, "the value hash needs " + length + " bytes but "
          + buffer.remaining() + " are left");
    }
    byte[] hash = new byte[length];
    buffer.get(hash);
    return hash;
  }

  /**
   * Reads a 4-byte length ({@value #NULL_LENGTH} for absent) and that many bytes.
   *
   * @return the bytes, or {@code null} when absent
   * @throws SerializationException if the length is missing, negative or too large
   */
  static byte[] sized(ByteBuffer buffer, byte[] data, String format, String topic, String what) {
    if (buffer.remaining() < 4) {
      throw malformed(data, format, topic, "the " + what + "'s length is missing");
    }
    int length = buffer.getInt();
    if (length == NULL_LENGTH) {
      return null;
    }
    if (length < 0 || length > buffer.remaining()) {
      throw malformed(data, format, topic, "the " + what + "'s length " + length
          + " does not fit the " + buffer.remaining() + " bytes left");
    }
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return bytes;
  }

  /** @return an exception naming the format, topic, problem and payload */
  static SerializationException malformed(
      byte[] data, String format, String topic, String problem) {
    return new SerializationException("Cannot read " + format + FormatChecks.where(topic) + ": "
        + problem + " (payload " + FormatChecks.describe(data) + ")");
  }
}
