package io.sluice.testkit;

import io.sluice.testkit.internals.ClusterBackend;
import io.sluice.testkit.internals.ContainerCluster;
import io.sluice.testkit.internals.ExternalCluster;
import io.sluice.testkit.internals.LocalCluster;
import io.sluice.testkit.internals.LocalClusterOptions;
import io.sluice.testkit.internals.TestcontainersCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Configures and starts a {@link KafkaCluster}. Every setter validates its argument at once;
 * {@link #start()} checks the combination.
 *
 * <p>Defaults: one broker, {@link KafkaCluster.Mode#AUTO}, the Kafka version of the
 * {@code kafka.broker.version} system property (else {@value #DEFAULT_KAFKA_VERSION}), no SASL,
 * a 60 second start timeout, and small-heap JVM options.
 */
public final class KafkaClusterBuilder {

  /** The broker version used when {@code kafka.broker.version} is not set. */
  public static final String DEFAULT_KAFKA_VERSION = "4.3.1";

  /** The largest cluster the builder accepts. */
  public static final int MAX_BROKERS = 9;

  private int brokers = 1;
  private String kafkaVersion = System.getProperty("kafka.broker.version", DEFAULT_KAFKA_VERSION);
  private KafkaCluster.Mode mode = KafkaCluster.Mode.AUTO;
  private final Map<String, String> saslUsers = new LinkedHashMap<>();
  private final Map<String, String> brokerConfig = new TreeMap<>();
  private List<String> jvmOptions = LocalClusterOptions.DEFAULT_JVM_OPTIONS;
  private Duration startTimeout = Duration.ofSeconds(60);

  KafkaClusterBuilder() {}

  /**
   * Sets the number of brokers, 1 to {@value #MAX_BROKERS}. More than one adds a dedicated KRaft
   * controller process.
   *
   * @throws IllegalArgumentException if out of range
   */
  public KafkaClusterBuilder brokers(int count) {
    if (count < 1 || count > MAX_BROKERS) {
      throw new IllegalArgumentException(
          "brokers must be between 1 and " + MAX_BROKERS + ", was " + count);
    }
    this.brokers = count;
    return this;
  }

  /**
   * Sets the Kafka version the brokers run: a published {@code org.apache.kafka:kafka_2.13}
   * version (4.3 or newer), or the {@code apache/kafka} image tag in Testcontainers mode.
   *
   * @throws IllegalArgumentException if blank
   */
  public KafkaClusterBuilder kafkaVersion(String version) {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("kafkaVersion must be a Kafka version like "
          + DEFAULT_KAFKA_VERSION + ", was '" + version + "'");
    }
    this.kafkaVersion = version.trim();
    return this;
  }

  /** Chooses where the brokers come from (default {@link KafkaCluster.Mode#AUTO}). */
  public KafkaClusterBuilder mode(KafkaCluster.Mode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /**
   * Overrides a broker setting (applied after the testkit's own); a {@code null} value removes
   * the testkit's setting. Invalid settings make {@link #start()} fail with the broker's log.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public KafkaClusterBuilder brokerConfig(String name, String value) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("broker setting name must not be blank");
    }
    brokerConfig.put(name.trim(), value);
    return this;
  }

  /**
   * Adds a SASL/PLAIN listener (on local brokers) accepting this user; call once per user. The
   * listener then becomes {@link KafkaCluster#bootstrapServers()}, and
   * {@link KafkaCluster#clientProperties()} logs in as the alphabetically first user.
   *
   * @throws IllegalArgumentException if the user is blank or contains characters other than
   *     letters, digits, '.', '_' and '-', or the password is null
   */
  public KafkaClusterBuilder saslUser(String user, String password) {
    if (user == null || !user.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("SASL user name '" + user + "' must be non-empty and"
          + " made of letters, digits, '.', '_' and '-'");
    }
    saslUsers.put(user, Objects.requireNonNull(password, "password of SASL user " + user));
    return this;
  }

  /**
   * Replaces the options of the broker JVMs (default: a 384 MB heap, serial GC, C1 only).
   *
   * @throws IllegalArgumentException if an option is blank
   */
  public KafkaClusterBuilder jvmOptions(List<String> options) {
    for (String option : options) {
      if (option == null || option.isBlank()) {
        throw new IllegalArgumentException("JVM options must not be blank: " + options);
      }
    }
    this.jvmOptions = List.copyOf(options);
    return this;
  }

  /**
   * Sets how long starting the cluster (or restarting one broker) may take.
   *
   * @throws IllegalArgumentException if not positive
   */
  public KafkaClusterBuilder startTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, was " + timeout);
    }
    this.startTimeout = timeout;
    return this;
  }

  /**
   * Starts the cluster and waits until every broker is up.
   *
   * @throws IllegalArgumentException if the settings do not fit the mode (for example SASL or
   *     several brokers with Testcontainers)
   * @throws IllegalStateException if {@link KafkaCluster.Mode#EXISTING} is chosen and
   *     {@code SLUICE_BOOTSTRAP_SERVERS} is not set
   * @throws KafkaClusterException if a broker fails to start (with its log tail), the broker jars
   *     cannot be resolved, or Docker is unreachable in Testcontainers mode
   */
  public KafkaCluster start() {
    return new KafkaCluster(startBackend(), false);
  }

  KafkaCluster startShared() {
    return new KafkaCluster(startBackend(), true);
  }

  private ClusterBackend startBackend() {
    String existing = System.getenv(ExternalCluster.BOOTSTRAP_ENV);
    boolean hasExisting = existing != null && !existing.isBlank();
    switch (mode) {
      case EXISTING:
        if (!hasExisting) {
          throw new IllegalStateException("Mode.EXISTING needs the environment variable "
              + ExternalCluster.BOOTSTRAP_ENV + " (host:port,...) to name the cluster");
        }
        return new ExternalCluster(existing.trim());
      case AUTO:
        return hasExisting ? new ExternalCluster(existing.trim()) : startLocal();
      case TESTCONTAINERS:
        if (brokers != 1 || !saslUsers.isEmpty()) {
          throw new IllegalArgumentException("Mode.TESTCONTAINERS runs one broker without SASL;"
              + " use Mode.LOCAL_PROCESSES for brokers(" + brokers + ")"
              + (saslUsers.isEmpty() ? "" : " and SASL users"));
        }
        TestcontainersCheck.requireTestcontainers();
        return ContainerCluster.start(kafkaVersion, brokerConfig);
      case LOCAL_PROCESSES:
      default:
        return startLocal();
    }
  }

  private LocalCluster startLocal() {
    return LocalCluster.start(new LocalClusterOptions(brokers, kafkaVersion, saslUsers,
        brokerConfig, new ArrayList<>(jvmOptions), startTimeout));
  }
}
