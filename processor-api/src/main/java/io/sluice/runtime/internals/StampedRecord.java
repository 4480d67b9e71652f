package io.sluice.runtime.internals;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A deserialized input record with its extracted timestamp, ready to enter its source node.
 *
 * @param timestamp the extractor's result, epoch milliseconds, {@code >= 0}
 * @param raw the record as read, kept for the dead-letter topic
 */
record StampedRecord(ConsumerRecord<Object, Object> record, long timestamp, SourceNode source,
    ConsumerRecord<byte[], byte[]> raw) {}
