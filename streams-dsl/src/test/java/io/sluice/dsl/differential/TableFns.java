package io.sluice.dsl.differential;

/** Pure functions of the table and aggregation scenarios, the same on both sides. */
final class TableFns {
  private TableFns() {}

  static String str(Long value) {
    return value == null ? null : value.toString();
  }

  static String concat(String aggregate, String value) {
    return aggregate + "|" + value;
  }

  /** Removes the first occurrence of {@code "|" + value}, or returns the aggregate unchanged. */
  static String remove(String aggregate, String value) {
    int at = aggregate.indexOf("|" + value);
    return at < 0 ? aggregate : aggregate.substring(0, at)
        + aggregate.substring(at + value.length() + 1);
  }

  /** Reduces to null when the result would be empty: deletes the key's aggregate. */
  static String removeOrDelete(String aggregate, String value) {
    String result = remove(aggregate, value);
    return result.isEmpty() ? null : result;
  }

  static String lengthSum(String key, String value, String aggregate) {
    return Integer.toString(Integer.parseInt(aggregate) + value.length() + key.length());
  }

  static String lengthDiff(String key, String value, String aggregate) {
    return Integer.toString(Integer.parseInt(aggregate) - value.length() - key.length());
  }
}
