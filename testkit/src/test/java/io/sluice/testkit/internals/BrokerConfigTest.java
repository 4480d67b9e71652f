package io.sluice.testkit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerConfigTest {

  private static final Path DATA = Path.of("/tmp/data");

  private static PortAllocator counting() {
    int[] next = {40_000};
    return count -> {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ports[i] = next[0]++;
      }
      return ports;
    };
  }

  @Test
  void singleBrokerIsItsOwnControllerWithReplicationOne() {
    ClusterLayout layout = ClusterLayout.plan(1, false, counting());
    SortedMap<String, String> config =
        BrokerConfig.render(layout, layout.brokers().get(0), DATA, Map.of(), Map.of());

    assertThat(config)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:40001")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:40000,CONTROLLER://127.0.0.1:40001")
        .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:40000")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("log.dirs", DATA.toAbsolutePath().toString());
  }

  @Test
  void threeBrokersGetADedicatedControllerAndReplicatedInternalTopics() {
    ClusterLayout layout = ClusterLayout.plan(3, false, counting());
    KafkaNode controller = layout.dedicatedController();
    SortedMap<String, String> brokerConfig =
        BrokerConfig.render(layout, layout.brokers().get(2), DATA, Map.of(), Map.of());
    SortedMap<String, String> controllerConfig =
        BrokerConfig.render(layout, controller, DATA, Map.of(), Map.of("num.io.threads", "1"));

    assertThat(layout.combined()).isFalse();
    assertThat(layout.allNodes()).hasSize(4).first().isEqualTo(controller);
    assertThat(brokerConfig)
        .containsEntry("process.roles", "broker")
        .containsEntry("node.id", "3")
        .containsEntry("controller.quorum.voters", "100@127.0.0.1:" + controller.controllerPort())
        .containsEntry("offsets.topic.replication.factor", "3")
        .containsEntry("transaction.state.log.min.isr", "2");
    assertThat(controllerConfig)
        .containsEntry("process.roles", "controller")
        .containsEntry("listeners", "CONTROLLER://127.0.0.1:" + controller.controllerPort())
        .doesNotContainKeys("advertised.listeners", "num.io.threads");
    assertThat(layout.bootstrapServers(false))
        .isEqualTo("127.0.0.1:40000,127.0.0.1:40001,127.0.0.1:40002");
  }

  @Test
  void saslAddsAPlainListenerWithItsUsers() {
    ClusterLayout layout = ClusterLayout.plan(1, true, counting());
    KafkaNode broker = layout.brokers().get(0);
    SortedMap<String, String> config = BrokerConfig.render(
        layout, broker, DATA, Map.of("bob", "b\"ob", "alice", "secret"), Map.of());

    assertThat(config.get("listeners")).contains("SASL_PLAINTEXT://127.0.0.1:" + broker.saslPort());
    assertThat(config).containsEntry("listener.name.sasl_plaintext.sasl.enabled.mechanisms", "PLAIN")
        .containsEntry("listener.name.sasl_plaintext.plain.sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " user_alice=\"secret\" user_bob=\"b\\\"ob\";");
    assertThat(layout.bootstrapServers(true)).isEqualTo("127.0.0.1:" + broker.saslPort());
  }

  @Test
  void overridesWinAndNullRemoves() {
    ClusterLayout layout = ClusterLayout.plan(1, false, counting());
    Map<String, String> overrides = new HashMap<>();
    overrides.put("group.initial.rebalance.delay.ms", "3000");
    overrides.put("num.partitions", null);
    SortedMap<String, String> config =
        BrokerConfig.render(layout, layout.brokers().get(0), DATA, Map.of(), overrides);

    assertThat(config).containsEntry("group.initial.rebalance.delay.ms", "3000")
        .doesNotContainKey("num.partitions");
  }

  @Test
  void writtenFileReadsBackAsTheSameProperties(@TempDir Path dir) throws Exception {
    ClusterLayout layout = ClusterLayout.plan(1, true, counting());
    SortedMap<String, String> config = BrokerConfig.render(
        layout, layout.brokers().get(0), dir, Map.of("alice", "p=w:d\\x"), Map.of());
    Path file = dir.resolve("server.properties");

    BrokerConfig.write(config, file);

    Properties read = new Properties();
    try (var in = Files.newBufferedReader(file)) {
      read.load(in);
    }
    assertThat(read).containsExactlyInAnyOrderEntriesOf(config);
  }
}
