package io.sluice.state.internals;

import org.apache.kafka.common.header.Header;

/**
 * One cached value of a {@link ThreadCache}: the serialized value ({@code null} for a delete not
 * yet flushed), whether it still has to be written to the store below, and the context of the
 * write that made it.
 *
 * @param value serialized value, or {@code null} for a cached delete
 * @param dirty whether the entry has not been written to the underlying store yet
 * @param context the record context of the write, or {@code null} for writes outside processing
 */
record CacheEntry(byte[] value, boolean dirty, ProcessorRecordContext context) {

  /** Fixed bytes charged per entry for the objects around key and value (approximate). */
  static final long OVERHEAD_BYTES = 96;

  /** The approximate bytes this entry holds beside its key: value, context and overhead. */
  long sizeInBytes() {
    long size = OVERHEAD_BYTES + (value == null ? 0 : value.length);
    if (context != null) {
      size += context.topic() == null ? 0 : context.topic().length();
      for (Header header : context.headers()) {
        size += header.key().length() + (header.value() == null ? 0 : header.value().length);
      }
    }
    return size;
  }

  /** This entry marked as written to the underlying store. */
  CacheEntry clean() {
    return dirty ? new CacheEntry(value, false, context) : this;
  }
}
