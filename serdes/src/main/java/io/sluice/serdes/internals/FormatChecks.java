package io.sluice.serdes.internals;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Checks shared by the binary formats of this module: the leading version byte, minimum and exact
 * lengths, and a short rendering of a bad payload for error messages.
 *
 * <p>Every check throws {@link SerializationException}, the exception Kafka's deserialization
 * error handling expects, with a message naming the format, the topic (when known), what was
 * found and what would have been valid.
 */
public final class FormatChecks {

  /** How many leading bytes of a payload an error message shows. */
  static final int PREVIEW_BYTES = 32;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private FormatChecks() {}

  /**
   * Checks that {@code data} starts with the version byte {@code supported}.
   *
   * @param data the serialized bytes, never {@code null}
   * @param format the format's name for messages, e.g. "value-and-timestamp"
   * @param topic the topic the bytes came from, or {@code null} when unknown
   * @param supported the only version this release reads
   * @throws SerializationException if {@code data} is empty or starts with another version
   */
  public static void requireVersion(byte[] data, String format, String topic, byte supported) {
    requireLength(data, 1, format, topic);
    if (data[0] != supported) {
      throw new SerializationException(
          "Cannot read " + format + where(topic) + ": found format version " + (data[0] & 0xff)
              + ", but this release reads only version " + supported
              + "; the data was probably written by a newer Sluice release, so upgrade this"
              + " instance (payload " + describe(data) + ")");
    }
  }

  /**
   * Checks that {@code data} holds at least {@code minimum} bytes.
   *
   * @throws SerializationException if it is shorter
   */
  public static void requireLength(byte[] data, int minimum, String format, String topic) {
    if (data.length < minimum) {
      throw new SerializationException(
          "Cannot read " + format + where(topic) + ": it needs at least " + minimum
              + " bytes but the payload has " + describe(data));
    }
  }

  /**
   * Renders the start of a payload for an error message: its length, its first
   * {@value #PREVIEW_BYTES} bytes in hex, and the same bytes as text with every byte outside
   * printable ASCII shown as {@code '.'}, each followed by {@code ...} when the payload is longer;
   * for example {@code 4 bytes, hex 61620a63, text "ab.c"}.
   *
   * @param data the payload; {@code null} renders as {@code "null"}
   */
  public static String describe(byte[] data) {
    if (data == null) {
      return "null";
    }
    int shown = Math.min(data.length, PREVIEW_BYTES);
    StringBuilder hex = new StringBuilder(shown * 2);
    StringBuilder text = new StringBuilder(shown);
    for (int i = 0; i < shown; i++) {
      int b = data[i] & 0xff;
      hex.append(HEX[b >>> 4]).append(HEX[b & 0xf]);
      text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
    }
    String more = data.length > shown ? "..." : "";
    return data.length + (data.length == 1 ? " byte" : " bytes") + ", hex " + hex + more
        + ", text \"" + text + "\"" + more;
  }

  /** {@code " from topic 'name'"}, or an empty string when the topic is unknown. */
  public static String where(String topic) {
    return topic == null ? "" : " from topic '" + topic + "'";
  }
}
