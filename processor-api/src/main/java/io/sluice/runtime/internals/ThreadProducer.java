package io.sluice.runtime.internals;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A stream thread's producer as its tasks' record collectors see it. Under exactly-once the
 * implementation opens the thread's transaction before the first send after a commit.
 */
interface ThreadProducer {
  /** Sends one serialized record; {@code callback} runs on the producer's I/O thread. */
  void send(ProducerRecord<byte[], byte[]> record, Callback callback);

  /** The number of partitions of {@code topic} (blocks for metadata, up to max.block.ms). */
  int partitionCount(String topic);

  /** Blocks until every record sent so far is acknowledged or failed. */
  void flush();
}
