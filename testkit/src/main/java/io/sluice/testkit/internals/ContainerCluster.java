package io.sluice.testkit.internals;

import io.sluice.testkit.KafkaClusterException;
import java.util.Locale;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One broker in an {@code apache/kafka} Docker container, through Testcontainers' Kafka module.
 *
 * <p>Only this class refers to Testcontainers, which is an optional dependency of the testkit:
 * callers first check with {@link TestcontainersCheck} that it is on the classpath, then
 * {@link #start} checks that a Docker engine answers.
 */
public final class ContainerCluster extends UnmanagedBrokersBackend {

  private final KafkaContainer container;

  private ContainerCluster(KafkaContainer container) {
    this.container = container;
  }

  /**
   * Starts a single broker container of the given Kafka version.
   *
   * @param kafkaVersion the {@code apache/kafka} image tag, like 4.3.1
   * @param brokerOverrides broker settings, passed as {@code KAFKA_*} environment variables
   * @throws KafkaClusterException if no Docker engine is reachable, or the container fails to
   *     start
   */
  public static ContainerCluster start(String kafkaVersion, Map<String, String> brokerOverrides) {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new KafkaClusterException("Testcontainers mode needs a Docker engine, and none is"
          + " reachable (check DOCKER_HOST or ~/.testcontainers.properties); use"
          + " Mode.LOCAL_PROCESSES to run brokers as local JVMs instead");
    }
    KafkaContainer container = new KafkaContainer(DockerImageName.parse("apache/kafka:" + kafkaVersion));
    brokerOverrides.forEach((key, value) -> {
      if (value != null) {
        container.withEnv("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value);
      }
    });
    try {
      container.start();
    } catch (RuntimeException e) {
      String logs = container.getLogs();
      container.stop();
      throw new KafkaClusterException("the apache/kafka:" + kafkaVersion
          + " container failed to start; its log:\n" + logs, e);
    }
    return new ContainerCluster(container);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public boolean external() {
    return false;
  }

  @Override
  public int brokerCount() {
    return 1;
  }

  @Override
  String faultsUnavailableMessage(String method) {
    return method + " is available for brokers run as local JVMs only;"
        + " build the cluster with mode(Mode.LOCAL_PROCESSES) for fault-injection tests";
  }

  @Override
  public String brokerLogTail(int index) {
    return container.getLogs();
  }

  @Override
  public void close() {
    container.stop();
  }
}
