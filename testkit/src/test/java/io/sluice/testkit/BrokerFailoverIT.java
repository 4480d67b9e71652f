package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A three-broker cluster keeps taking {@code acks=all} writes while one broker is down. */
class BrokerFailoverIT {

  @RegisterExtension
  static final KafkaClusterExtension KAFKA = KafkaClusterExtension.with(
      KafkaCluster.builder().mode(KafkaCluster.Mode.LOCAL_PROCESSES).brokers(3));

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int STEP = 150;

  @Test
  void acksAllWritesSurviveAKilledAndRestartedBroker() throws Exception {
    KafkaCluster kafka = KAFKA.cluster();
    String topic = kafka.createTopic("failover", 3, 3, Map.of("min.insync.replicas", "2"));
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Writer writer = new Writer(kafka, topic, acknowledged, failure);
    Thread thread = new Thread(writer, "failover-writer");
    thread.start();
    try {
      awaitMoreAcknowledged(acknowledged, failure, STEP, "before the kill");
      int processesBefore = kafka.processIds().size();
      kafka.killBroker(1);
      assertThat(kafka.processIds()).hasSize(processesBefore - 1);
      awaitMoreAcknowledged(acknowledged, failure, STEP, "while broker 1 is dead");
      kafka.startBroker(1);
      awaitMoreAcknowledged(acknowledged, failure, STEP, "after broker 1 restarted");
    } finally {
      writer.stop();
      thread.join(TIMEOUT.toMillis());
    }
    assertThat(failure.get()).isNull();

    List<ConsumerRecord<Long, Long>> consumed = kafka.consume(
        topic, acknowledged.size(), TIMEOUT, new LongDeserializer(), new LongDeserializer());
    Set<Long> distinct = consumed.stream().map(ConsumerRecord::value).collect(Collectors.toSet());
    assertThat(distinct).isEqualTo(acknowledged);
    assertThat(consumed).hasSize(acknowledged.size());
  }

  private static void awaitMoreAcknowledged(Set<Long> acknowledged,
      AtomicReference<Throwable> failure, int more, String when) {
    int target = acknowledged.size() + more;
    KafkaCluster.waitUntil(() -> failure.get() != null || acknowledged.size() >= target, TIMEOUT,
        target + " acknowledged acks=all writes " + when);
    assertThat(failure.get()).as("write failure " + when).isNull();
  }

  /** Writes increasing sequence numbers, one acknowledged record at a time, until stopped. */
  private static final class Writer implements Runnable {
    private final KafkaCluster kafka;
    private final String topic;
    private final Set<Long> acknowledged;
    private final AtomicReference<Throwable> failure;
    private volatile boolean running = true;

    Writer(KafkaCluster kafka, String topic, Set<Long> acknowledged,
        AtomicReference<Throwable> failure) {
      this.kafka = kafka;
      this.topic = topic;
      this.acknowledged = acknowledged;
      this.failure = failure;
    }

    void stop() {
      running = false;
    }

    @Override
    public void run() {
      Map<String, Object> config = kafka.clientProperties();
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50);
      try (KafkaProducer<Long, Long> producer =
          new KafkaProducer<>(config, new LongSerializer(), new LongSerializer())) {
        for (long sequence = 0; running; sequence++) {
          producer.send(new ProducerRecord<>(topic, sequence, sequence)).get();
          acknowledged.add(sequence);
        }
      } catch (ExecutionException e) {
        failure.set(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.set(e);
      }
    }
  }
}
