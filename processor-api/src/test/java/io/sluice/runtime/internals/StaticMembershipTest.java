package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Topology;
import io.sluice.runtime.KafkaClientSupplier;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.assignment.TopologyMetadata;
import io.sluice.state.StateRestoreListener;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticMembershipTest {
  @TempDir Path stateDir;

  @Test
  void eachThreadsMainConsumerGetsTheInstanceIdSuffixedWithItsIndex() {
    Map<String, Map<String, Object>> configs = mainConsumerConfigs(
        Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "node-a"));
    assertThat(configs.get("app-StreamThread-1-consumer"))
        .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "node-a-1");
    assertThat(configs.get("app-StreamThread-2-consumer"))
        .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "node-a-2");
  }

  @Test
  void theConsumerPrefixWorksAndNoIdMeansDynamicMembership() {
    assertThat(mainConsumerConfigs(Map.of("consumer.group.instance.id", "n"))
        .get("app-StreamThread-2-consumer"))
        .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "n-2");
    assertThat(mainConsumerConfigs(Map.of()).get("app-StreamThread-1-consumer"))
        .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
  }

  @Test
  void aBlankIdIsRejectedNamingTheSetting() {
    Map<String, Object> config = new HashMap<>(Map.of(
        ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, " "));
    assertThatThrownBy(() -> StaticMembership.perThread(config, 1))
        .hasMessageContaining("group.instance.id");
  }

  /** Builds threads 1 and 2 (not started) and returns their main consumers' configs. */
  private Map<String, Map<String, Object>> mainConsumerConfigs(Map<String, Object> extra) {
    Map<String, Map<String, Object>> seen = new ConcurrentHashMap<>();
    KafkaClientSupplier clients = new KafkaClientSupplier() {
      @Override
      public Admin getAdmin(Map<String, Object> config) {
        throw new AssertionError("not used");
      }

      @Override
      public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        throw new AssertionError("not used");
      }

      @Override
      public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        seen.put(String.valueOf(config.get(ConsumerConfig.CLIENT_ID_CONFIG)), config);
        return new MockConsumer<>("earliest");
      }

      @Override
      public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return new MockConsumer<>("none");
      }

      @Override
      public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        throw new AssertionError("not used");
      }
    };
    Map<String, Object> props = new HashMap<>(extra);
    props.put(StreamsConfig.APPLICATION_ID, "app");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS, "localhost:9");
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    StreamsConfig config = new StreamsConfig(props);
    try (Metrics metrics = new Metrics()) {
      Topology topology = new Topology();
      topology.addSource("src", new ByteArrayDeserializer(), new ByteArrayDeserializer(), "in");
      InstanceContext instance = new InstanceContext(config, EngineConfig.from(config, metrics),
          TopologyMetadata.of(InternalTopologyBuilder.of(topology), "app"), clients,
          new StateDirectory(stateDir.toString(), "app"), metrics, null, UUID.randomUUID(),
          "app", Time.SYSTEM, name -> null, new AtomicInteger(), () -> 2);
      StreamThread.Owner owner = null;
      new StreamThread(instance, 1, 0L, owner, StateRestoreListener.NO_OP);
      new StreamThread(instance, 2, 0L, owner, StateRestoreListener.NO_OP);
    }
    return seen;
  }
}
