package io.sluice.examples.wordcount;

import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.testkit.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The README demo: starts a real Kafka broker (in a child JVM, through the testkit's {@link
 * KafkaCluster}), runs the word-count application on it with exactly-once processing, produces
 * sample text line by line, and prints the counts live as they arrive from the output topic.
 */
public final class WordCountDemo {
  private static final List<String> SAMPLE = List.of(
      "the quick brown fox jumps over the lazy dog",
      "the dog barks and the fox runs",
      "a lazy afternoon for a lazy dog",
      "quick quick said the brown fox",
      "and the dog slept");
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private WordCountDemo() {}

  /**
   * Runs the demo; takes no arguments.
   *
   * @throws Exception if the broker or the application fails, or the counts do not arrive in time
   */
  public static void main(String[] args) throws Exception {
    Map<String, Long> expected = expectedCounts();
    System.out.println("Starting a Kafka broker...");
    try (KafkaCluster cluster = KafkaCluster.builder().start()) {
      cluster.createTopic(WordCountTopology.INPUT, 2, 1, Map.of());
      cluster.createTopic(WordCountTopology.OUTPUT, 2, 1, Map.of());
      Path stateDir = Files.createTempDirectory("word-count-demo");
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID, "word-count-demo");
      props.put(StreamsConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers());
      props.put(StreamsConfig.STATE_DIR, stateDir.toString());
      props.put(StreamsConfig.PROCESSING_GUARANTEE, StreamsConfig.EXACTLY_ONCE_V2);
      props.put(StreamsConfig.CONSUMER_PREFIX + "auto.offset.reset", "earliest");
      try (StreamsApp app = new StreamsApp(WordCountTopology.build(props), props)) {
        CountDownLatch running = new CountDownLatch(1);
        app.setStateListener((now, before) -> {
          if (now == StreamsApp.State.RUNNING) {
            running.countDown();
          }
        });
        app.start();
        if (!running.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException("The application did not reach RUNNING within "
              + TIMEOUT + "; it is " + app.state());
        }
        System.out.println("Word count is running on " + cluster.bootstrapServers()
            + " (exactly-once). Producing " + SAMPLE.size() + " lines:");
        produceSample(cluster);
        Map<String, Long> latest = printCountsUntil(cluster, expected);
        System.out.println("Final counts: " + latest);
        app.close(Duration.ofSeconds(30));
        app.cleanUp();
      }
    }
  }

  private static void produceSample(KafkaCluster cluster) {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        new HashMap<>(cluster.clientProperties()), new StringSerializer(),
        new StringSerializer())) {
      for (String line : SAMPLE) {
        System.out.println("> " + line);
        producer.send(new ProducerRecord<>(WordCountTopology.INPUT, line));
      }
    }
  }

  private static Map<String, Long> printCountsUntil(KafkaCluster cluster,
      Map<String, Long> expected) {
    Map<String, Object> config = new HashMap<>(cluster.clientProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "word-count-demo-reader");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, Long> latest = new TreeMap<>();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(config,
        new StringDeserializer(), new LongDeserializer())) {
      consumer.subscribe(List.of(WordCountTopology.OUTPUT));
      while (!latest.equals(expected)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Counts did not arrive within " + TIMEOUT
              + "; expected " + expected + " but have " + latest);
        }
        for (ConsumerRecord<String, Long> update : consumer.poll(Duration.ofMillis(200))) {
          System.out.printf("    %-10s %d%n", update.key(), update.value());
          latest.put(update.key(), update.value());
        }
      }
    }
    return latest;
  }

  private static Map<String, Long> expectedCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String line : SAMPLE) {
      for (String word : line.toLowerCase(Locale.ROOT).split("\\W+")) {
        if (!word.isEmpty()) {
          counts.merge(word, 1L, Long::sum);
        }
      }
    }
    return counts;
  }
}
