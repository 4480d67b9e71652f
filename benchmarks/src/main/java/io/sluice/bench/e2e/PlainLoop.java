package io.sluice.bench.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The practical limit for stateless work: one {@link KafkaConsumer} feeding one {@link
 * KafkaProducer}, committing on the same schedule as the stream processors (1 s at-least-once;
 * 100 ms transactions under exactly-once, with the offsets inside the transaction).
 */
final class PlainLoop {
  private PlainLoop() {}

  static void run(SutSettings settings) {
    Map<String, Object> consumerConfig = new HashMap<>();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, settings.applicationId());
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        settings.exactlyOnce() ? "read_committed" : "read_uncommitted");
    Map<String, Object> producerConfig = new HashMap<>();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
    producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 100);
    if (settings.exactlyOnce()) {
      producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
          settings.applicationId() + "-" + UUID.randomUUID());
    }
    long commitIntervalMs = settings.exactlyOnce() ? 100 : 1_000;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig,
            new StringDeserializer(), new StringDeserializer());
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig,
            new StringSerializer(), new StringSerializer())) {
      consumer.subscribe(List.of(settings.input()));
      if (settings.exactlyOnce()) {
        producer.initTransactions();
        producer.beginTransaction();
      }
      Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
      long lastCommit = System.currentTimeMillis();
      while (!Thread.currentThread().isInterrupted()) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(50));
        for (ConsumerRecord<String, String> record : records) {
          String value = record.value();
          if (settings.mode() == Mode.MAP_FILTER) {
            value = value.toUpperCase(java.util.Locale.ROOT);
            if (!Mode.keep(value)) {
              value = null;
            }
          }
          if (value != null) {
            producer.send(new ProducerRecord<>(settings.output(), record.key(), value));
          }
          pending.put(new TopicPartition(record.topic(), record.partition()),
              new OffsetAndMetadata(record.offset() + 1));
        }
        long now = System.currentTimeMillis();
        if (!pending.isEmpty() && now - lastCommit >= commitIntervalMs) {
          if (settings.exactlyOnce()) {
            producer.sendOffsetsToTransaction(pending, consumer.groupMetadata());
            producer.commitTransaction();
            producer.beginTransaction();
          } else {
            producer.flush();
            consumer.commitSync(pending);
          }
          pending.clear();
          lastCommit = now;
        }
      }
    }
  }
}
