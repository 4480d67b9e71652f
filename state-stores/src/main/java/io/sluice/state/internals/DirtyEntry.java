package io.sluice.state.internals;

import org.apache.kafka.common.utils.Bytes;

/**
 * A cached write handed to a namespace's flush listener, to be written to the underlying store.
 *
 * @param key serialized key
 * @param value serialized value, or {@code null} for a delete
 * @param context the record context of the write, or {@code null} for writes outside processing
 */
record DirtyEntry(Bytes key, byte[] value, ProcessorRecordContext context) {}
