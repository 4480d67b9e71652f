package io.sluice.processor;

import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One record flowing through processors: key, value, timestamp and headers. Immutable: the
 * {@code with*} methods return copies, and the headers are copied when a record is created, so a
 * processor that changes the headers of the record it forwards never changes what upstream
 * processors see.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class Record<K, V> {
  private final K key;
  private final V value;
  private final long timestamp;
  private final Headers headers;

  /**
   * @param key the key; may be {@code null}
   * @param value the value; may be {@code null}
   * @param timestamp epoch milliseconds, {@code >= 0}
   * @param headers headers to copy; {@code null} means none
   * @throws IllegalArgumentException if {@code timestamp} is negative
   */
  public Record(K key, V value, long timestamp, Headers headers) {
    if (timestamp < 0) {
      throw new IllegalArgumentException(
          "record timestamp must be >= 0 (epoch milliseconds) but was " + timestamp);
    }
    this.key = key;
    this.value = value;
    this.timestamp = timestamp;
    this.headers = copy(headers);
  }

  /** A record without headers. */
  public Record(K key, V value, long timestamp) {
    this(key, value, timestamp, null);
  }

  static Headers copy(Headers headers) {
    if (headers == null) {
      return new RecordHeaders();
    }
    Header[] all = headers.toArray();
    // Most records carry no headers: skip the list copies the array constructor makes.
    return all.length == 0 ? new RecordHeaders() : new RecordHeaders(all);
  }

  /** The key; may be {@code null}. */
  public K key() {
    return key;
  }

  /** The value; may be {@code null}. */
  public V value() {
    return value;
  }

  /** The timestamp in epoch milliseconds. */
  public long timestamp() {
    return timestamp;
  }

  /**
   * The headers of this record. Changing them changes only this record; copies made with {@code
   * with*} methods get their own headers.
   */
  public Headers headers() {
    return headers;
  }

  /** A copy with another key (and possibly another key type). */
  public <NewK> Record<NewK, V> withKey(NewK newKey) {
    return new Record<>(newKey, value, timestamp, headers);
  }

  /** A copy with another value (and possibly another value type). */
  public <NewV> Record<K, NewV> withValue(NewV newValue) {
    return new Record<>(key, newValue, timestamp, headers);
  }

  /**
   * A copy with another timestamp.
   *
   * @throws IllegalArgumentException if {@code newTimestamp} is negative
   */
  public Record<K, V> withTimestamp(long newTimestamp) {
    return new Record<>(key, value, newTimestamp, headers);
  }

  /** A copy with a copy of {@code newHeaders}; {@code null} means none. */
  public Record<K, V> withHeaders(Headers newHeaders) {
    return new Record<>(key, value, timestamp, newHeaders);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Record<?, ?> r
        && timestamp == r.timestamp
        && Objects.equals(key, r.key)
        && Objects.equals(value, r.value)
        && headers.equals(r.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, value, timestamp, headers);
  }

  @Override
  public String toString() {
    return "Record{key=" + key + ", value=" + value + ", timestamp=" + timestamp
        + ", headers=" + headers + "}";
  }
}
