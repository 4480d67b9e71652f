package io.sluice.testkit;

import io.sluice.state.KeyValue;
import io.sluice.testkit.internals.ClusterBackend;
import io.sluice.testkit.internals.ClusterClients;
import io.sluice.testkit.internals.SaslClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Real Apache Kafka brokers for integration tests.
 *
 * <p>By default the brokers run in KRaft mode as child JVMs of this one, from the
 * {@code org.apache.kafka:kafka_2.13} artifact resolved onto a classpath of their own (never onto
 * the test's classpath), listening on ephemeral loopback ports. One broker is also its own
 * controller; several brokers get a dedicated controller, so any broker can be killed without
 * losing the quorum. Each broker exits by itself when the test JVM dies, even by {@code kill -9};
 * directories left by a crashed run are swept at the next start. See {@link Mode} for the
 * Testcontainers and existing-cluster alternatives.
 *
 * <pre>{@code
 * try (KafkaCluster kafka = KafkaCluster.builder().brokers(1).start()) {
 *   kafka.createTopic("orders", 3, 1, Map.of());
 *   kafka.produce("orders", List.of(KeyValue.pair("k", "v")),
 *       new StringSerializer(), new StringSerializer());
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops every broker and deletes all data.
 */
public final class KafkaCluster implements AutoCloseable {

  /** Where a cluster's brokers come from. */
  public enum Mode {
    /** An existing cluster if {@code SLUICE_BOOTSTRAP_SERVERS} is set, else local JVMs. */
    AUTO,
    /** Brokers as child JVMs of the test JVM; needs no Docker. */
    LOCAL_PROCESSES,
    /** One broker in an {@code apache/kafka} container; needs Docker and Testcontainers. */
    TESTCONTAINERS,
    /**
     * The existing cluster named by {@code SLUICE_BOOTSTRAP_SERVERS}: topics get unique names and
     * only topics this object created are ever deleted.
     */
    EXISTING
  }

  private static final Duration POLL_MIN = Duration.ofMillis(10);
  private static final Duration POLL_MAX = Duration.ofMillis(250);

  private final ClusterBackend backend;
  private final ClusterClients clients;
  private final boolean shared;
  private final String topicSuffix = "-" + UUID.randomUUID().toString().substring(0, 8);
  private final Set<String> createdTopics = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  KafkaCluster(ClusterBackend backend, boolean shared) {
    this.backend = backend;
    this.shared = shared;
    this.clients = new ClusterClients(this::clientProperties);
  }

  /** A builder for a cluster of one local broker, to be adjusted and started. */
  public static KafkaClusterBuilder builder() {
    return new KafkaClusterBuilder();
  }

  /**
   * The single-broker cluster ({@link Mode#AUTO}) shared by every caller in this JVM, started on
   * first use. Its {@link #close()} does nothing; a shutdown hook stops it when the JVM exits.
   *
   * @throws KafkaClusterException if it cannot start
   */
  public static KafkaCluster shared() {
    return SharedCluster.get();
  }

  /** The bootstrap servers, {@code host:port,...}; the SASL listener's when SASL is on. */
  public String bootstrapServers() {
    return backend.bootstrapServers();
  }

  /**
   * Settings every client of this cluster needs: {@code bootstrap.servers} and, with SASL, the
   * credentials of the alphabetically first configured user. A fresh mutable map.
   */
  public Map<String, Object> clientProperties() {
    Map<String, Object> properties = new HashMap<>(backend.securityProperties());
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return properties;
  }

  /**
   * Client settings that log in to the SASL/PLAIN listener as {@code user} (the password need not
   * be right: that is how tests provoke authentication failures). A fresh mutable map.
   *
   * @throws IllegalStateException if the cluster has no SASL listener (see
   *     {@link KafkaClusterBuilder#saslUser})
   */
  public Map<String, Object> saslClientProperties(String user, String password) {
    if (!backend.sasl()) {
      throw new IllegalStateException("this cluster has no SASL listener; add users with"
          + " KafkaCluster.builder().saslUser(name, password)");
    }
    Map<String, Object> properties = new HashMap<>(SaslClientConfig.plain(user, password));
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return properties;
  }

  /** An admin client for this cluster, owned by it: do not close it. */
  public Admin admin() {
    return clients.admin();
  }

  /**
   * Creates a topic and waits until the controller has accepted it.
   *
   * @param name the topic name; on an existing cluster a unique suffix is appended
   * @param partitions number of partitions, at least 1
   * @param replicationFactor copies of each partition, at most the number of brokers
   * @param configs topic settings such as {@code min.insync.replicas}; may be empty
   * @return the name of the topic created: {@code name} itself, except on an existing cluster
   * @throws KafkaClusterException if the broker rejects the topic (for example, it exists)
   */
  public String createTopic(String name, int partitions, int replicationFactor,
      Map<String, String> configs) {
    String actual = backend.external() ? name + topicSuffix : name;
    clients.createTopic(actual, partitions, replicationFactor, configs);
    createdTopics.add(actual);
    return actual;
  }

  /** Creates a topic with one partition and one replica; see {@link #createTopic(String, int, int, Map)}. */
  public String createTopic(String name) {
    return createTopic(name, 1, 1, Map.of());
  }

  /**
   * Deletes topics and waits until the controller has accepted the deletion.
   *
   * @throws IllegalArgumentException on an existing cluster, for a topic this object did not
   *     create
   * @throws KafkaClusterException if the broker rejects the deletion (for example, no such topic)
   */
  public void deleteTopics(Collection<String> names) {
    if (backend.external()) {
      for (String name : names) {
        if (!createdTopics.contains(name)) {
          throw new IllegalArgumentException("topic '" + name + "' was not created by this"
              + " KafkaCluster, and on an existing cluster only those are ever deleted");
        }
      }
    }
    clients.deleteTopics(names);
    createdTopics.removeAll(names);
  }

  /** Deletes one topic; see {@link #deleteTopics(Collection)}. */
  public void deleteTopic(String name) {
    deleteTopics(List.of(name));
  }

  /**
   * Writes key-value pairs to a topic with an idempotent {@code acks=all} producer and waits for
   * every acknowledgement.
   *
   * @return the acknowledgements, in the order of {@code records}
   * @throws KafkaClusterException if a record cannot be written
   */
  public <K, V> List<RecordMetadata> produce(String topic, List<KeyValue<K, V>> records,
      Serializer<K> keySerializer, Serializer<V> valueSerializer) {
    List<ProducerRecord<K, V>> producerRecords = new ArrayList<>(records.size());
    for (KeyValue<K, V> record : records) {
      producerRecords.add(new ProducerRecord<>(topic, record.key(), record.value()));
    }
    return produce(producerRecords, keySerializer, valueSerializer);
  }

  /**
   * Writes records (with their own topics, partitions, timestamps and headers) like
   * {@link #produce(String, List, Serializer, Serializer)}.
   */
  public <K, V> List<RecordMetadata> produce(List<ProducerRecord<K, V>> records,
      Serializer<K> keySerializer, Serializer<V> valueSerializer) {
    if (records.isEmpty()) {
      return List.of();
    }
    return clients.produce(records, keySerializer, valueSerializer);
  }

  /**
   * Reads a topic from the beginning, {@code read_committed}, until at least {@code count}
   * records have arrived, without a consumer group.
   *
   * @return every record received, at least {@code count}
   * @throws org.apache.kafka.common.errors.TimeoutException if fewer arrive within
   *     {@code timeout}; the message says how many did
   */
  public <K, V> List<ConsumerRecord<K, V>> consume(String topic, int count, Duration timeout,
      Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
    return consume(topic, count, timeout, keyDeserializer, valueDeserializer,
        IsolationLevel.READ_COMMITTED);
  }

  /** Like {@link #consume(String, int, Duration, Deserializer, Deserializer)} at the given isolation. */
  public <K, V> List<ConsumerRecord<K, V>> consume(String topic, int count, Duration timeout,
      Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer,
      IsolationLevel isolation) {
    return clients.consume(topic, count, timeout, keyDeserializer, valueDeserializer, isolation);
  }

  /**
   * Polls {@code condition} (from every 10 ms up to every 250 ms) until it holds.
   *
   * @param timeout how long to wait
   * @param message what was expected, for the failure
   * @throws AssertionError if the condition is still false after {@code timeout}
   */
  public static void waitUntil(BooleanSupplier condition, Duration timeout, String message) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = POLL_MIN.toMillis();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(message + " (still not true after " + timeout + ")");
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting until: " + message, e);
      }
      pause = Math.min(POLL_MAX.toMillis(), pause * 2);
    }
  }

  /** Number of brokers, 0 for an existing cluster. */
  public int brokerCount() {
    return backend.brokerCount();
  }

  /**
   * Stops broker {@code index} (0-based) cleanly, with a controlled shutdown.
   *
   * @throws IllegalStateException if the brokers are not local JVMs
   * @throws IllegalArgumentException if there is no such broker
   */
  public void stopBroker(int index) {
    backend.stopBroker(index);
  }

  /**
   * Starts a stopped or killed broker again, on its old ports and data, and waits until it has
   * registered with the controller.
   *
   * @throws KafkaClusterException if it fails to start, with the tail of its log
   * @throws IllegalStateException if it is running, or the brokers are not local JVMs
   */
  public void startBroker(int index) {
    backend.startBroker(index);
  }

  /**
   * Kills broker {@code index} with SIGKILL (no shutdown at all) and waits until it is gone.
   *
   * @throws IllegalStateException if the kill would lose the KRaft quorum (the single broker of a
   *     one-broker cluster is also its controller), the broker is not running, or the brokers are
   *     not local JVMs
   */
  public void killBroker(int index) {
    backend.killBroker(index);
  }

  /** The pids of the live broker and controller JVMs; empty unless the brokers are local JVMs. */
  public List<Long> processIds() {
    return backend.processIds();
  }

  /** The last lines of broker {@code index}'s log, for diagnostics. */
  public String brokerLogTail(int index) {
    return backend.brokerLogTail(index);
  }

  /**
   * Stops every broker and deletes the cluster's data; on an existing cluster, deletes only the
   * topics this object created. Does nothing for the {@link #shared()} cluster. Idempotent.
   */
  @Override
  public void close() {
    if (!shared) {
      closeNow();
    }
  }

  synchronized void closeNow() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (backend.external() && !createdTopics.isEmpty()) {
        clients.deleteTopics(List.copyOf(createdTopics));
      }
    } finally {
      clients.close();
      backend.close();
    }
  }
}
