package io.sluice.dsl.differential;

/** The aggregators, reducers and mergers both sides of the windowed scenarios use. */
final class WindowedFns {
  private WindowedFns() {}

  /** Appends a value's length (or 'n' for null), so the aggregate stays short and ordered. */
  static String fold(String key, String value, String aggregate) {
    String tail = aggregate.length() > 40 ? aggregate.substring(aggregate.length() - 40)
        : aggregate;
    return tail + (value == null ? "n" : Integer.toString(value.length()));
  }

  /** Like {@link #fold} with a marker, for a second cogrouped input. */
  static String foldOther(String key, String value, String aggregate) {
    return fold(key, value, aggregate) + "'";
  }

  /** Combines two values; null-safe. */
  static String reduce(String aggregate, String value) {
    String a = aggregate == null ? "n" : aggregate;
    String v = value == null ? "n" : value;
    String both = a + "+" + v;
    return both.length() > 40 ? both.substring(both.length() - 40) : both;
  }

  /** Merges two sessions' aggregates. */
  static String merge(String key, String one, String two) {
    String both = one + "&" + two;
    return both.length() > 60 ? both.substring(both.length() - 60) : both;
  }
}
