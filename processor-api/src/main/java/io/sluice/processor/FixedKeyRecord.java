package io.sluice.processor;

import java.util.Objects;
import org.apache.kafka.common.header.Headers;

/**
 * A record whose key a {@link FixedKeyProcessor} cannot change, so its output needs no
 * repartitioning. Immutable like {@link Record}; instances are created only by the engine.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class FixedKeyRecord<K, V> {
  private final Record<K, V> record;

  private FixedKeyRecord(Record<K, V> record) {
    this.record = record;
  }

  /**
   * Wraps a record. Meant for the engine and for tests of fixed-key processors; processors get
   * theirs from {@link FixedKeyProcessor#process}.
   */
  public static <K, V> FixedKeyRecord<K, V> of(Record<K, V> record) {
    return new FixedKeyRecord<>(Objects.requireNonNull(record, "record"));
  }

  /** The key; may be {@code null}. */
  public K key() {
    return record.key();
  }

  /** The value; may be {@code null}. */
  public V value() {
    return record.value();
  }

  /** The timestamp in epoch milliseconds. */
  public long timestamp() {
    return record.timestamp();
  }

  /** The headers of this record (see {@link Record#headers()}). */
  public Headers headers() {
    return record.headers();
  }

  /** A copy with another value. */
  public <NewV> FixedKeyRecord<K, NewV> withValue(NewV newValue) {
    return new FixedKeyRecord<>(record.withValue(newValue));
  }

  /**
   * A copy with another timestamp.
   *
   * @throws IllegalArgumentException if {@code newTimestamp} is negative
   */
  public FixedKeyRecord<K, V> withTimestamp(long newTimestamp) {
    return new FixedKeyRecord<>(record.withTimestamp(newTimestamp));
  }

  /** A copy with a copy of {@code newHeaders}; {@code null} means none. */
  public FixedKeyRecord<K, V> withHeaders(Headers newHeaders) {
    return new FixedKeyRecord<>(record.withHeaders(newHeaders));
  }

  /** This record as a plain {@link Record}. */
  public Record<K, V> toRecord() {
    return record;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FixedKeyRecord<?, ?> r && record.equals(r.record);
  }

  @Override
  public int hashCode() {
    return record.hashCode();
  }

  @Override
  public String toString() {
    return "Fixed" + record;
  }
}
