package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.state.KeyValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A single combined broker with a SASL/PLAIN listener. */
class SaslAndQuorumIT {

  @RegisterExtension
  static final KafkaClusterExtension KAFKA = KafkaClusterExtension.with(KafkaCluster.builder()
      .mode(KafkaCluster.Mode.LOCAL_PROCESSES)
      .saslUser("alice", "alice-secret")
      .saslUser("bob", "bob-secret"));

  @Test
  void clientsWithTheRightPasswordProduceAndConsume() throws Exception {
    KafkaCluster kafka = KAFKA.cluster();
    String topic = kafka.createTopic("sasl-topic");
    kafka.produce(topic, List.of(KeyValue.pair("k", "v")),
        new StringSerializer(), new StringSerializer());

    List<ConsumerRecord<String, String>> consumed = kafka.consume(topic, 1,
        Duration.ofSeconds(30), new StringDeserializer(), new StringDeserializer());

    assertThat(consumed).extracting(ConsumerRecord::value).containsExactly("v");
    try (Admin bob = Admin.create(kafka.saslClientProperties("bob", "bob-secret"))) {
      assertThat(bob.listTopics().names().get(30, TimeUnit.SECONDS)).contains(topic);
    }
  }

  @Test
  void aWrongPasswordFailsAuthentication() {
    KafkaCluster kafka = KAFKA.cluster();
    try (Admin intruder = Admin.create(kafka.saslClientProperties("bob", "wrong"))) {
      assertThatThrownBy(() -> intruder.listTopics().names().get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void killingTheOnlyControllerIsRefused() {
    KafkaCluster kafka = KAFKA.cluster();
    List<Long> before = kafka.processIds();

    assertThatThrownBy(() -> kafka.killBroker(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lose the quorum");
    assertThat(kafka.processIds()).isEqualTo(before).hasSize(1);
  }

  @Test
  void aStoppedBrokerRestartsOnItsPortsWithItsData() {
    KafkaCluster kafka = KAFKA.cluster();
    String topic = kafka.createTopic("survives-restart");
    kafka.produce(topic, List.of(KeyValue.pair("k", "before")),
        new StringSerializer(), new StringSerializer());
    String bootstrap = kafka.bootstrapServers();

    kafka.stopBroker(0);
    assertThat(kafka.processIds()).isEmpty();
    kafka.startBroker(0);

    assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
    assertThat(kafka.consume(topic, 1, Duration.ofSeconds(30),
            new StringDeserializer(), new StringDeserializer()))
        .extracting(ConsumerRecord::value).containsExactly("before");
  }

  @Test
  void theBootstrapServersAreTheSaslListener() {
    KafkaCluster kafka = KAFKA.cluster();
    Map<String, Object> config = kafka.clientProperties();
    assertThat(config).containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("bootstrap.servers", kafka.bootstrapServers());
    assertThat((String) config.get("sasl.jaas.config")).contains("username=\"alice\"");
  }
}
