package io.sluice.dsl.differential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random input: keys from a small pool (so keys repeat) or null, values of 0 to 8 letters
 * and digits or null, timestamps that mostly advance but often jump back, and zero to three headers
 * (repeated keys and null values included). The same seed gives the same records.
 */
final class InputGenerator {
  private static final String[] KEYS = {"a", "b", "c", "dd", "e1", "f-2", "", "ggg"};
  private static final String ALPHABET = "abcdefxyz0123456789";

  private InputGenerator() {}

  /**
   * @param seed the random seed
   * @param count how many records
   * @param topics the input topics, chosen at random per record
   * @return the records in piping order
   */
  static List<Input> generate(long seed, int count, List<String> topics) {
    Random random = new Random(seed);
    List<Input> inputs = new ArrayList<>(count);
    long time = 1_000_000L;
    for (int i = 0; i < count; i++) {
      time = Math.max(0, time + random.nextInt(2_000) - 600);
      String topic = topics.get(random.nextInt(topics.size()));
      String key = random.nextInt(10) == 0 ? null : KEYS[random.nextInt(KEYS.length)];
      inputs.add(new Input(topic, key, value(random), time, headers(random)));
    }
    return inputs;
  }

  private static String value(Random random) {
    if (random.nextInt(10) == 0) {
      return null;
    }
    StringBuilder value = new StringBuilder();
    int length = random.nextInt(9);
    for (int i = 0; i < length; i++) {
      value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return value.toString();
  }

  private static List<Input.Header> headers(Random random) {
    int count = random.nextInt(4);
    List<Input.Header> headers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String key = "h" + random.nextInt(3);
      byte[] value = random.nextInt(20) == 0
          ? null
          : ("v" + random.nextInt(1_000)).getBytes(StandardCharsets.UTF_8);
      headers.add(new Input.Header(key, value));
    }
    return headers;
  }
}
