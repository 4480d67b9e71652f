package io.sluice.testkit.internals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The KRaft shape of a local cluster and its ports.
 *
 * <p>A single broker is one process with both roles. Several brokers get a dedicated controller
 * process besides them, so that stopping or killing any broker leaves the quorum intact.
 *
 * @param brokers the brokers, in index order (index {@code i} has node id {@code i + 1})
 * @param dedicatedController the controller process, or {@code null} when the single broker is
 *     also the controller
 */
public record ClusterLayout(List<KafkaNode> brokers, KafkaNode dedicatedController) {

  /** Node id of the dedicated controller of a multi-broker cluster. */
  public static final int CONTROLLER_NODE_ID = 100;

  /** The loopback address every listener binds to and advertises. */
  public static final String HOST = "127.0.0.1";

  public ClusterLayout {
    brokers = List.copyOf(brokers);
  }

  /**
   * Plans a cluster of the given size on fresh free ports.
   *
   * @param brokerCount number of brokers, at least 1
   * @param sasl whether each broker also gets a SASL_PLAINTEXT listener
   * @param ports where ports come from
   * @throws IllegalArgumentException if {@code brokerCount < 1}
   */
  public static ClusterLayout plan(int brokerCount, boolean sasl, PortAllocator ports) {
    if (brokerCount < 1) {
      throw new IllegalArgumentException("brokers must be at least 1, was " + brokerCount);
    }
    boolean combined = brokerCount == 1;
    int perBroker = 1 + (sasl ? 1 : 0) + (combined ? 1 : 0);
    int[] free = ports.freePorts(brokerCount * perBroker + (combined ? 0 : 1));
    int next = 0;
    List<KafkaNode> brokers = new ArrayList<>();
    for (int i = 0; i < brokerCount; i++) {
      int brokerPort = free[next++];
      int saslPort = sasl ? free[next++] : 0;
      int controllerPort = combined ? free[next++] : 0;
      brokers.add(new KafkaNode(i + 1, true, combined, brokerPort, saslPort, controllerPort));
    }
    KafkaNode controller = combined
        ? null
        : new KafkaNode(CONTROLLER_NODE_ID, false, true, 0, 0, free[next]);
    return new ClusterLayout(brokers, controller);
  }

  /** Whether the single broker is also the only controller. */
  public boolean combined() {
    return dedicatedController == null;
  }

  /** Every process: the dedicated controller first (it must be up for brokers to register). */
  public List<KafkaNode> allNodes() {
    List<KafkaNode> all = new ArrayList<>();
    if (dedicatedController != null) {
      all.add(dedicatedController);
    }
    all.addAll(brokers);
    return all;
  }

  /** The {@code controller.quorum.voters} value: {@code id@host:port,...}. */
  public String quorumVoters() {
    return allNodes().stream()
        .filter(KafkaNode::controller)
        .map(node -> node.nodeId() + "@" + HOST + ":" + node.controllerPort())
        .collect(Collectors.joining(","));
  }

  /** Bootstrap servers of the PLAINTEXT listeners, or of the SASL ones when {@code sasl}. */
  public String bootstrapServers(boolean sasl) {
    return brokers.stream()
        .map(node -> HOST + ":" + (sasl ? node.saslPort() : node.brokerPort()))
        .collect(Collectors.joining(","));
  }

  /** The replication factor of Kafka's internal topics: the cluster size, capped at 3. */
  public int internalReplicationFactor() {
    return Math.min(3, brokers.size());
  }
}
