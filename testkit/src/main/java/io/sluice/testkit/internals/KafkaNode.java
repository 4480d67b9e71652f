package io.sluice.testkit.internals;

/**
 * One Kafka process of a local cluster, with its KRaft roles and loopback ports.
 *
 * @param nodeId the KRaft {@code node.id}
 * @param broker whether the node has the broker role
 * @param controller whether the node has the controller role
 * @param brokerPort the PLAINTEXT listener port of a broker, 0 for a dedicated controller
 * @param saslPort the SASL_PLAINTEXT listener port of a broker, 0 if there is none
 * @param controllerPort the CONTROLLER listener port of a controller, 0 for a pure broker
 */
public record KafkaNode(
    int nodeId, boolean broker, boolean controller, int brokerPort, int saslPort, int controllerPort) {

  /** A short name for logs, PID files and messages: {@code broker-1} or {@code controller-100}. */
  public String name() {
    return (broker ? "broker-" : "controller-") + nodeId;
  }
}
