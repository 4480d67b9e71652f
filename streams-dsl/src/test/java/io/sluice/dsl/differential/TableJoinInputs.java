package io.sluice.dsl.differential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random input for table joins: records for a "left" and a "right" table topic, keys from
 * small pools (so rows are updated and deleted often), about one value in six {@code null} (a
 * tombstone) and one key in thirty {@code null}, timestamps that mostly advance but often jump
 * back, and zero to two headers.
 *
 * <p>With foreign keys, left values read {@code "<foreign key>|<payload>"}, where the foreign key
 * comes from the right table's key pool, is sometimes unknown to it, and is sometimes empty (the
 * extractor's {@code null}); updates of a left row often keep, and often change, its foreign key.
 */
final class TableJoinInputs {
  static final String LEFT = "left";
  static final String RIGHT = "right";
  private static final String[] LEFT_KEYS = {"a", "b", "c", "d", "e", "f", "g"};
  private static final String[] RIGHT_KEYS = {"a", "b", "c", "d", "x", "y", "z"};
  private static final String[] FOREIGN_KEYS = {"x", "y", "z", "a", "q", ""};
  private static final String ALPHABET = "abcxyz0123";

  private TableJoinInputs() {}

  /**
   * @param seed the random seed
   * @param count how many records
   * @param foreignKeys whether left values carry foreign keys
   * @return the records in piping order
   */
  static List<Input> generate(long seed, int count, boolean foreignKeys) {
    Random random = new Random(seed);
    List<Input> inputs = new ArrayList<>(count);
    long time = 1_000_000L;
    for (int i = 0; i < count; i++) {
      time = Math.max(0, time + random.nextInt(2_000) - 600);
      boolean left = random.nextBoolean();
      String[] pool = left ? LEFT_KEYS : RIGHT_KEYS;
      String key = random.nextInt(30) == 0 ? null : pool[random.nextInt(pool.length)];
      String value = random.nextInt(6) == 0 ? null : payload(random);
      if (left && foreignKeys && value != null) {
        value = FOREIGN_KEYS[random.nextInt(FOREIGN_KEYS.length)] + "|" + value;
      }
      inputs.add(new Input(left ? LEFT : RIGHT, key, value, time, headers(random)));
    }
    return inputs;
  }

  /**
   * The foreign key of a left value: the part before {@code '|'}, {@code null} when empty.
   *
   * @param value a non-null left value
   * @return the foreign key or null
   */
  static String foreignKey(String value) {
    int bar = value.indexOf('|');
    String key = bar < 0 ? value : value.substring(0, bar);
    return key.isEmpty() ? null : key;
  }

  /**
   * @param value a left value or {@code null}
   * @return {@code [null]} for null, else the value and the value moved to the next foreign key
   */
  static List<String> twoUpdates(String value) {
    if (value == null) {
      return java.util.Collections.singletonList(null);
    }
    String key = foreignKey(value);
    int next = (java.util.Arrays.asList(FOREIGN_KEYS).indexOf(key == null ? "" : key) + 1)
        % FOREIGN_KEYS.length;
    return List.of(value, FOREIGN_KEYS[next] + value.substring(value.indexOf('|')));
  }

  private static String payload(Random random) {
    StringBuilder value = new StringBuilder();
    int length = 1 + random.nextInt(4);
    for (int i = 0; i < length; i++) {
      value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return value.toString();
  }

  private static List<Input.Header> headers(Random random) {
    int count = random.nextInt(3);
    List<Input.Header> headers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      headers.add(new Input.Header("h" + random.nextInt(2),
          ("v" + random.nextInt(100)).getBytes(StandardCharsets.UTF_8)));
    }
    return headers;
  }
}
