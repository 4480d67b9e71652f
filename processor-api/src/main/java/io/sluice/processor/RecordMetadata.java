package io.sluice.processor;

/**
 * Where the record being processed was read from.
 *
 * @param topic the source topic
 * @param partition the source partition
 * @param offset the record's offset in that partition
 */
public record RecordMetadata(String topic, int partition, long offset) {}
