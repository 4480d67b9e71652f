package io.sluice.dsl.differential;

/** The joiners and key mappers both sides of a join scenario apply; all accept nulls. */
final class JoinFns {
  private JoinFns() {}

  static String joined(String left, String right) {
    return left + "+" + right;
  }

  static String joinedWithKey(String key, String left, String right) {
    return key + "|" + left + "+" + right;
  }

  /** The global table key of a stream record: its value's first character, or null. */
  static String lookupKey(String key, String value) {
    return value == null || value.isEmpty() ? null : value.substring(0, 1);
  }
}
