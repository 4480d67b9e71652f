package io.sluice.state.internals;

import org.apache.kafka.common.header.Headers;

/**
 * Where the record being processed came from. The engine sets it before a record enters a task's
 * processors; the caching layer stores it with each dirty entry and restores it when the entry is
 * forwarded, so a forwarded update carries the context of the write that made it.
 *
 * @param timestamp record timestamp, epoch milliseconds
 * @param offset source offset, or -1 when there is none (punctuation)
 * @param partition source partition, or -1 when there is none
 * @param topic source topic, or {@code null} when there is none
 * @param headers the record's headers; never {@code null}
 */
public record ProcessorRecordContext(
    long timestamp, long offset, int partition, String topic, Headers headers) {}
