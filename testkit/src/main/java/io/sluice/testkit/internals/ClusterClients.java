package io.sluice.testkit.internals;

import io.sluice.testkit.KafkaClusterException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The topic, produce and consume helpers of a test cluster, on plain kafka-clients clients built
 * from the cluster's client settings.
 */
public final class ClusterClients implements AutoCloseable {

  private final Supplier<Map<String, Object>> clientProperties;
  private Admin admin;

  /** Helpers whose clients use the settings {@code clientProperties} returns at each call. */
  public ClusterClients(Supplier<Map<String, Object>> clientProperties) {
    this.clientProperties = clientProperties;
  }

  /** A shared admin client, created on first use and closed with these helpers. */
  public synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(clientProperties.get());
    }
    return admin;
  }

  /** Creates a topic and waits for the controller's answer. */
  public void createTopic(String name, int partitions, int replicationFactor,
      Map<String, String> configs) {
    NewTopic topic = new NewTopic(name, partitions, (short) replicationFactor).configs(configs);
    await(admin().createTopics(List.of(topic)).all(), "create topic '" + name + "' with "
        + partitions + " partitions and replication factor " + replicationFactor);
  }

  /** Deletes topics and waits for the controller's answer. */
  public void deleteTopics(Collection<String> names) {
    await(admin().deleteTopics(names).all(), "delete topics " + names);
  }

  /** Names of the topics that exist, internal ones excluded. */
  public Set<String> topicNames() {
    return await(admin().listTopics().names(), "list topics");
  }

  /**
   * Sends records with an idempotent {@code acks=all} producer and waits for every
   * acknowledgement.
   */
  public <K, V> List<RecordMetadata> produce(List<ProducerRecord<K, V>> records,
      Serializer<K> keySerializer, Serializer<V> valueSerializer) {
    Map<String, Object> config = new HashMap<>(clientProperties.get());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    try (KafkaProducer<K, V> producer =
        new KafkaProducer<>(config, keySerializer, valueSerializer)) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (ProducerRecord<K, V> record : records) {
        sent.add(producer.send(record));
      }
      producer.flush();
      List<RecordMetadata> acknowledged = new ArrayList<>();
      for (Future<RecordMetadata> future : sent) {
        acknowledged.add(await(future, "produce to topic '" + records.get(0).topic() + "'"));
      }
      return acknowledged;
    }
  }

  /**
   * Reads a topic from the beginning of all its partitions (no consumer group) until at least
   * {@code count} records have arrived.
   *
   * @throws TimeoutException if fewer arrive within {@code timeout}; the message says how many
   */
  public <K, V> List<ConsumerRecord<K, V>> consume(String topic, int count, Duration timeout,
      Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer,
      IsolationLevel isolation) {
    Map<String, Object> config = new HashMap<>(clientProperties.get());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<K, V>> received = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(config, keyDeserializer, valueDeserializer)) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
      if (partitions == null || partitions.isEmpty()) {
        throw new TimeoutException("topic '" + topic + "' has no partitions; create it first");
      }
      List<TopicPartition> assigned = partitions.stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .collect(Collectors.toList());
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      while (received.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException("received " + received.size() + " of " + count
              + " records from topic '" + topic + "' (" + isolation + ") within " + timeout);
        }
        consumer.poll(Duration.ofNanos(Math.min(left, Duration.ofMillis(200).toNanos())))
            .forEach(received::add);
      }
    }
    return received;
  }

  private static <T> T await(Future<T> future, String what) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new KafkaClusterException("could not " + what + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaClusterException("interrupted while trying to " + what, e);
    }
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
      admin = null;
    }
  }
}
