package io.sluice.dsl.internals;

/**
 * How one side's join buffer judges retention, settled when the topology is written. A buffer
 * keeps records while their timestamp is above its clock minus the retention ({@code before +
 * after + grace}). The clock of a RocksDB buffer advances with the records it stores; that of an
 * in-memory buffer, as in Kafka Streams, also with keyed records whose value is {@code null},
 * which it does not store. The join reproduces the latter by tracking that clock itself ({@link
 * JoinTimeTracker#observe}) and narrowing its lookups in such a buffer accordingly.
 */
final class JoinBufferRetention {
  /** The metrics scope of the built-in in-memory window stores. */
  static final String IN_MEMORY_SCOPE = "in-memory-window";

  private final long retentionMs;
  private volatile boolean nullValuesAdvanceClock;

  /** @param retentionMs the buffer's retention in milliseconds */
  JoinBufferRetention(long retentionMs) {
    this.retentionMs = retentionMs;
  }

  /** @return the buffer's retention in milliseconds */
  long retentionMs() {
    return retentionMs;
  }

  /** Called when the buffer's store is built. */
  void nullValuesAdvanceClock(boolean value) {
    nullValuesAdvanceClock = value;
  }

  /** @return whether keyed records with a {@code null} value advance the buffer's clock */
  boolean nullValuesAdvanceClock() {
    return nullValuesAdvanceClock;
  }
}
