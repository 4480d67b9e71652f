package io.sluice.serdes;

import java.util.Objects;

/**
 * A value with the timestamp (epoch milliseconds) of the record that last wrote it: the value
 * type of timestamped key-value and window stores, so table semantics can carry record time.
 *
 * @param value the value; never {@code null} (a missing value is a missing entry)
 * @param timestamp epoch milliseconds
 * @param <V> the value type
 */
public record ValueAndTimestamp<V>(V value, long timestamp) {

  /** @throws NullPointerException if {@code value} is null */
  public ValueAndTimestamp {
    Objects.requireNonNull(value, "value");
  }

  /** Returns {@code null} for a {@code null} value, else a new instance: handy for tombstones. */
  public static <V> ValueAndTimestamp<V> make(V value, long timestamp) {
    return value == null ? null : new ValueAndTimestamp<>(value, timestamp);
  }

  /** The value of {@code vat}, or {@code null} when {@code vat} is null. */
  public static <V> V getValueOrNull(ValueAndTimestamp<V> vat) {
    return vat == null ? null : vat.value();
  }
}
