package io.sluice.testkit;

import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record piped into or read from a {@link TopologyTestDriver} topic: key, value, headers and an
 * optional timestamp. Piped without a timestamp, it gets the input topic's current time.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TestRecord<K, V> {
  private final K key;
  private final V value;
  private final Headers headers;
  private final Instant recordTime;

  /**
   * @param headers copied; {@code null} means none
   * @param recordTime the timestamp, or {@code null} to let the input topic choose
   */
  public TestRecord(K key, V value, Headers headers, Instant recordTime) {
    this.key = key;
    this.value = value;
    this.headers = headers == null ? new RecordHeaders() : new RecordHeaders(headers.toArray());
    this.recordTime = recordTime;
  }

  /** A record with a timestamp in epoch milliseconds. */
  public TestRecord(K key, V value, Headers headers, long timestampMs) {
    this(key, value, headers, Instant.ofEpochMilli(timestampMs));
  }

  /** A record without headers. */
  public TestRecord(K key, V value, Instant recordTime) {
    this(key, value, null, recordTime);
  }

  /** A record without headers and timestamp. */
  public TestRecord(K key, V value) {
    this(key, value, null, (Instant) null);
  }

  /** A record with a {@code null} key and no headers or timestamp. */
  public TestRecord(V value) {
    this(null, value);
  }

  /** The key; may be {@code null}. */
  public K key() {
    return key;
  }

  /** The value; may be {@code null}. */
  public V value() {
    return value;
  }

  /** The headers; never {@code null}. */
  public Headers headers() {
    return headers;
  }

  /** The timestamp, or {@code null} if none was given. */
  public Instant recordTime() {
    return recordTime;
  }

  /** The timestamp in epoch milliseconds, or {@code null} if none was given. */
  public Long timestamp() {
    return recordTime == null ? null : recordTime.toEpochMilli();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TestRecord<?, ?> r
        && Objects.equals(key, r.key)
        && Objects.equals(value, r.value)
        && headers.equals(r.headers)
        && Objects.equals(recordTime, r.recordTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, value, headers, recordTime);
  }

  @Override
  public String toString() {
    return "TestRecord{key=" + key + ", value=" + value + ", headers=" + headers
        + ", recordTime=" + recordTime + "}";
  }
}
