package io.sluice.processor;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Processing-time semantics: each record gets the machine's current time when it is read. */
public final class WallclockTimestampExtractor implements TimestampExtractor {
  /** Creates the extractor; it has no state. */
  public WallclockTimestampExtractor() {}

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    return System.currentTimeMillis();
  }
}
