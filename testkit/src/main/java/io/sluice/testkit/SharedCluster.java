package io.sluice.testkit;

/** Holds the JVM-wide cluster of {@link KafkaCluster#shared()}. */
final class SharedCluster {

  private static KafkaCluster instance;

  private SharedCluster() {}

  static synchronized KafkaCluster get() {
    if (instance == null) {
      KafkaCluster started = new KafkaClusterBuilder().startShared();
      Runtime.getRuntime().addShutdownHook(
          new Thread(started::closeNow, "sluice-testkit-shared-cluster"));
      instance = started;
    }
    return instance;
  }
}
