package io.sluice.processor;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The default extractor: the timestamp stored in the Kafka record (create time or log-append time,
 * as the topic says).
 */
public final class RecordTimestampExtractor implements TimestampExtractor {
  /** Creates the extractor; it has no state. */
  public RecordTimestampExtractor() {}

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    return record.timestamp();
  }
}
