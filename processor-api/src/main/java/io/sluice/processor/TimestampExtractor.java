package io.sluice.processor;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Gives each input record its event time. A negative result is invalid: the record goes to the
 * deserialization exception handler, which fails the task or drops and counts the record.
 */
@FunctionalInterface
public interface TimestampExtractor {
  /**
   * @param record the record with its deserialized key and value
   * @param partitionTime the largest timestamp seen so far in the record's partition, or -1
   * @return the record's timestamp in epoch milliseconds
   */
  long extract(ConsumerRecord<Object, Object> record, long partitionTime);
}
