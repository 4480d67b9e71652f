package io.sluice.state.internals;

import org.apache.kafka.common.header.Header;

/**
 * One cached value of a {@link ThreadCache}: the serialized value ({@code null} for a delete not
 * yet flushed), whether it still has to be written to the store below, and the context of the
 * write that made it.
 *
 * <p>The size is computed once, when the entry is made: the context's headers are the processed
 * record's own, which a processor may still change after the write, and the cache must subtract
 * exactly what it added or its byte count drifts (and, going negative, stops evicting).
 */
final class CacheEntry {

  /** Fixed bytes charged per entry for the objects around key and value (approximate). */
  static final long OVERHEAD_BYTES = 96;

  private final byte[] value;
  private final boolean dirty;
  private final ProcessorRecordContext context;
  private final long sizeInBytes;

  /**
   * @param value serialized value, or {@code null} for a cached delete
   * @param dirty whether the entry has not been written to the underlying store yet
   * @param context the record context of the write, or {@code null} for writes outside processing
   */
  CacheEntry(byte[] value, boolean dirty, ProcessorRecordContext context) {
    this(value, dirty, context, sizeOf(value, context));
  }

  private CacheEntry(byte[] value, boolean dirty, ProcessorRecordContext context, long size) {
    this.value = value;
    this.dirty = dirty;
    this.context = context;
    this.sizeInBytes = size;
  }

  private static long sizeOf(byte[] value, ProcessorRecordContext context) {
    long size = OVERHEAD_BYTES + (value == null ? 0 : value.length);
    if (context != null) {
      size += context.topic() == null ? 0 : context.topic().length();
      for (Header header : context.headers()) {
        size += header.key().length() + (header.value() == null ? 0 : header.value().length);
      }
    }
    return size;
  }

  /** The serialized value, or {@code null} for a cached delete. */
  byte[] value() {
    return value;
  }

  /** Whether the entry has not been written to the underlying store yet. */
  boolean dirty() {
    return dirty;
  }

  /** The record context of the write, or {@code null} for writes outside processing. */
  ProcessorRecordContext context() {
    return context;
  }

  /** The approximate bytes this entry holds beside its key, as computed when it was made. */
  long sizeInBytes() {
    return sizeInBytes;
  }

  /** This entry marked as written to the underlying store, charged the same size. */
  CacheEntry clean() {
    return dirty ? new CacheEntry(value, false, context, sizeInBytes) : this;
  }
}
