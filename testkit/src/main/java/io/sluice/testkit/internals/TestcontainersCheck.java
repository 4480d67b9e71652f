package io.sluice.testkit.internals;

import io.sluice.testkit.KafkaClusterException;

/**
 * Checks that Testcontainers' Kafka module, an optional dependency of the testkit, is on the
 * classpath. It must run before anything touches {@link ContainerCluster}, which cannot even be
 * linked without it; so this check lives in a class of its own that refers to no Testcontainers
 * type.
 */
public final class TestcontainersCheck {

  private static final String CONTAINER_CLASS = "org.testcontainers.kafka.KafkaContainer";

  private TestcontainersCheck() {}

  /**
   * Fails unless Testcontainers' Kafka module can be loaded.
   *
   * @throws KafkaClusterException naming the dependency to add
   */
  public static void requireTestcontainers() {
    try {
      Class.forName(CONTAINER_CLASS, false, TestcontainersCheck.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new KafkaClusterException("Testcontainers mode needs org.testcontainers:kafka on the"
          + " test classpath; add it as a test dependency, or use Mode.LOCAL_PROCESSES", e);
    }
  }
}
