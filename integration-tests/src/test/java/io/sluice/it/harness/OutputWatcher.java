package io.sluice.it.harness;

import io.sluice.testkit.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads an output topic from the beginning as a {@code read_committed} consumer without a group
 * and keeps every record and the latest value per key, so a test can wait for a condition on them.
 */
public final class OutputWatcher implements AutoCloseable {
  private final KafkaConsumer<String, String> consumer;
  private final String topic;
  private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
  private final Map<String, String> latest = new HashMap<>();

  /** Starts reading {@code topic} (which must exist) from the beginning. */
  public OutputWatcher(KafkaCluster kafka, String topic) {
    this.topic = topic;
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls once (up to 200 ms) and records what came. */
  public void poll() {
    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
      records.add(r);
      latest.put(r.key(), r.value());
    }
  }

  /** Polls until {@code condition} holds on this watcher; fails with {@code what} otherwise. */
  public void awaitUntil(Predicate<OutputWatcher> condition, Duration timeout, String what) {
    KafkaCluster.waitUntil(() -> {
      poll();
      return condition.test(this);
    }, timeout, what + " on " + topic + " (read " + records.size() + " records; latest "
        + abbreviated() + ")");
  }

  /** Polls until the latest value per key equals {@code expected}. */
  public void awaitLatest(Map<String, String> expected, Duration timeout) {
    awaitUntil(w -> w.latest.equals(expected), timeout,
        "latest values never matched the " + expected.size() + " expected keys");
  }

  private String abbreviated() {
    String s = latest.toString();
    return s.length() > 600 ? s.substring(0, 600) + "..." : s;
  }

  /** Every record read so far, in the order read. */
  public List<ConsumerRecord<String, String>> records() {
    return List.copyOf(records);
  }

  /** The latest value per key read so far. */
  public Map<String, String> latest() {
    return Collections.unmodifiableMap(new HashMap<>(latest));
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}
