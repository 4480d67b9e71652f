package io.sluice.bench.e2e;

import io.sluice.testkit.KafkaCluster;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the benchmark's input once: records over {@value #KEYS} keys with timestamps one
 * millisecond apart (so a 1-minute window holds 60,000 records), and a table topic with a profile
 * for every key.
 */
final class InputLoader {
  static final int KEYS = 10_000;
  private final KafkaCluster cluster;
  private final int partitions;

  InputLoader(KafkaCluster cluster, int partitions) {
    this.cluster = cluster;
    this.partitions = partitions;
  }

  String loadInput(long records) {
    String topic = cluster.createTopic("bench-input", partitions, 1, Map.of());
    long start = System.currentTimeMillis() - records;
    try (KafkaProducer<String, String> producer = producer()) {
      for (long i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, null, start + i, key(i), "value-" + i));
      }
    }
    return topic;
  }

  /**
   * @return the table topic; its records are stamped one hour back, older than every input
   *     record (but recent enough that the broker's time-based retention keeps them)
   */
  String loadTable() {
    String topic = cluster.createTopic("bench-table", partitions, 1, Map.of());
    long stamp = System.currentTimeMillis() - 3_600_000L;
    try (KafkaProducer<String, String> producer = producer()) {
      for (long i = 0; i < KEYS; i++) {
        producer.send(new ProducerRecord<>(topic, null, stamp, key(i), "profile-" + i));
      }
    }
    return topic;
  }

  static String key(long i) {
    return String.format("key-%05d", i % KEYS);
  }

  private KafkaProducer<String, String> producer() {
    Map<String, Object> config = new HashMap<>(cluster.clientProperties());
    config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }
}
