package io.sluice.runtime;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Creates the Kafka clients a Sluice application uses, from configuration maps the runtime builds
 * with {@link StreamsConfig}'s client-config methods. Supply your own to wrap or instrument
 * clients; {@link #defaults()} creates plain kafka-clients instances. Every client reads and
 * writes raw bytes: the topology does its own (de)serialization.
 */
public interface KafkaClientSupplier {
  /** An admin client for internal topics and offsets. */
  Admin getAdmin(Map<String, Object> config);

  /** A producer for output, repartition and changelog records (transactional if configured). */
  Producer<byte[], byte[]> getProducer(Map<String, Object> config);

  /** The main consumer, a member of the application's consumer group. */
  Consumer<byte[], byte[]> getConsumer(Map<String, Object> config);

  /** A consumer without group that restores state stores from changelogs. */
  Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config);

  /** A consumer without group that reads the topics of global tables. */
  Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config);

  /** A supplier creating plain {@code KafkaProducer}, {@code KafkaConsumer} and {@code Admin}. */
  static KafkaClientSupplier defaults() {
    return new DefaultKafkaClientSupplier();
  }
}
