package io.sluice.testkit.internals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders the {@code server.properties} of one node of a local test cluster.
 *
 * <p>The settings favour fast tests: internal topics with few partitions and replication fitting
 * the cluster size, no initial rebalance delay, small log segments, and failure detection within a
 * few seconds so that a killed broker leaves the ISR quickly. User overrides are applied last and
 * win (a {@code null} value removes a setting).
 */
public final class BrokerConfig {

  static final String PLAINTEXT = "PLAINTEXT";
  static final String SASL = "SASL_PLAINTEXT";
  static final String CONTROLLER = "CONTROLLER";

  private BrokerConfig() {}

  /**
   * Renders the configuration of {@code node}.
   *
   * @param layout the whole cluster
   * @param node one node of {@code layout}
   * @param logDir the node's data directory
   * @param saslUsers user name to password for the SASL/PLAIN listener; empty for none
   * @param overrides broker settings that replace the rendered ones (applied to brokers only)
   * @return the settings, sorted by name
   */
  public static SortedMap<String, String> render(
      ClusterLayout layout,
      KafkaNode node,
      Path logDir,
      Map<String, String> saslUsers,
      Map<String, String> overrides) {
    SortedMap<String, String> config = new TreeMap<>();
    List<String> roles = new ArrayList<>();
    List<String> listeners = new ArrayList<>();
    List<String> advertised = new ArrayList<>();
    if (node.broker()) {
      roles.add("broker");
      listeners.add(PLAINTEXT + "://" + ClusterLayout.HOST + ":" + node.brokerPort());
      if (node.saslPort() != 0) {
        listeners.add(SASL + "://" + ClusterLayout.HOST + ":" + node.saslPort());
      }
      advertised.addAll(listeners);
    }
    if (node.controller()) {
      roles.add("controller");
      listeners.add(CONTROLLER + "://" + ClusterLayout.HOST + ":" + node.controllerPort());
    }
    config.put("process.roles", String.join(",", roles));
    config.put("node.id", Integer.toString(node.nodeId()));
    config.put("controller.quorum.voters", layout.quorumVoters());
    config.put("controller.listener.names", CONTROLLER);
    config.put("listeners", String.join(",", listeners));
    config.put("listener.security.protocol.map",
        PLAINTEXT + ":" + PLAINTEXT + "," + SASL + ":" + SASL + "," + CONTROLLER + ":" + PLAINTEXT);
    config.put("log.dirs", logDir.toAbsolutePath().toString());
    if (node.broker()) {
      renderBroker(layout, node, config, advertised, saslUsers);
      for (Map.Entry<String, String> override : overrides.entrySet()) {
        if (override.getValue() == null) {
          config.remove(override.getKey());
        } else {
          config.put(override.getKey(), override.getValue());
        }
      }
    }
    return config;
  }

  private static void renderBroker(
      ClusterLayout layout,
      KafkaNode node,
      SortedMap<String, String> config,
      List<String> advertised,
      Map<String, String> saslUsers) {
    int replication = layout.internalReplicationFactor();
    String minIsr = Integer.toString(Math.min(2, replication));
    config.put("advertised.listeners", String.join(",", advertised));
    config.put("inter.broker.listener.name", PLAINTEXT);
    config.put("offsets.topic.replication.factor", Integer.toString(replication));
    config.put("offsets.topic.num.partitions", "5");
    config.put("transaction.state.log.replication.factor", Integer.toString(replication));
    config.put("transaction.state.log.min.isr", minIsr);
    config.put("transaction.state.log.num.partitions", "5");
    config.put("share.coordinator.state.topic.replication.factor", Integer.toString(replication));
    config.put("share.coordinator.state.topic.min.isr", minIsr);
    config.put("group.initial.rebalance.delay.ms", "0");
    config.put("num.partitions", "1");
    config.put("log.segment.bytes", Integer.toString(1024 * 1024));
    config.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
    config.put("broker.heartbeat.interval.ms", "500");
    config.put("broker.session.timeout.ms", "4000");
    config.put("replica.lag.time.max.ms", "6000");
    config.put("controlled.shutdown.max.retries", "1");
    if (node.saslPort() != 0) {
      String prefix = "listener.name." + SASL.toLowerCase(Locale.ROOT) + ".";
      config.put(prefix + "sasl.enabled.mechanisms", "PLAIN");
      config.put(prefix + "plain.sasl.jaas.config", plainJaasServerConfig(saslUsers));
    }
  }

  /** The JAAS line that makes a PLAIN listener accept exactly the given users. */
  static String plainJaasServerConfig(Map<String, String> users) {
    StringBuilder jaas =
        new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
    new TreeMap<>(users).forEach((user, password) ->
        jaas.append(" user_").append(user).append("=\"").append(escape(password)).append('"'));
    return jaas.append(';').toString();
  }

  /** The JAAS line of a PLAIN client logging in as {@code user}. */
  public static String plainJaasClientConfig(String user, String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + escape(user) + "\" password=\"" + escape(password) + "\";";
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /**
   * Writes settings as a properties file.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Map<String, String> config, Path file) {
    Properties properties = new Properties();
    properties.putAll(config);
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(writer, "written by the Sluice testkit");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write broker configuration " + file, e);
    }
  }
}
