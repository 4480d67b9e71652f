package io.sluice.dsl.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * The pure functions both sides of a scenario apply, so the two topologies differ only in the
 * library. All accept null keys and values.
 */
final class Fns {
  private Fns() {}

  static boolean keep(String key, String value) {
    return value == null || key == null || (value.length() + key.length()) % 3 != 0;
  }

  static boolean digitFirst(String value) {
    return value != null && !value.isEmpty() && Character.isDigit(value.charAt(0));
  }

  static String upper(String value) {
    return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
  }

  static String describe(String key, String value) {
    return key + ":" + (value == null ? "-" : value.length());
  }

  /** A new key: the value's first character, or null for a null or empty value. */
  static String keyOf(String key, String value) {
    return value == null || value.isEmpty() ? null : value.substring(0, 1);
  }

  /** Zero to three (key, value) pairs from one record; a pair's key or value may be null. */
  static List<String[]> explode(String key, String value) {
    List<String[]> pairs = new ArrayList<>();
    if (value == null) {
      return pairs;
    }
    for (int i = 0; i < value.length() % 4; i++) {
      pairs.add(new String[] {i == 1 ? null : value.substring(i), i == 2 ? null : key + i});
    }
    return pairs;
  }

  /** Zero or more values: the value split into chunks of two characters. */
  static List<String> chunks(String value) {
    List<String> chunks = new ArrayList<>();
    if (value == null) {
      return chunks;
    }
    for (int i = 0; i < value.length(); i += 2) {
      chunks.add(value.substring(i, Math.min(value.length(), i + 2)));
    }
    return chunks;
  }

  static String topicOf(String key) {
    return key == null ? "out-none" : "out-" + (key.length() % 2);
  }

  /**
   * A timestamp from the record's own, its value and the partition time: values starting with a
   * digit take the partition time (the record's own while it is still unknown), others the
   * record's time plus the value's length. Never negative: Kafka Streams skips records with a
   * negative extracted timestamp while Sluice stops (unless deserialization.exception.handler
   * continues), a known difference of the processor API, not of the DSL.
   */
  static long extractTimestamp(long recordTimestamp, String value, long partitionTime) {
    if (digitFirst(value)) {
      return partitionTime < 0 ? recordTimestamp : partitionTime;
    }
    return recordTimestamp + (value == null ? 0 : value.length());
  }
}
