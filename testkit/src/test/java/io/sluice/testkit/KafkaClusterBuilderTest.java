package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.testkit.internals.ExternalCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class KafkaClusterBuilderTest {

  @Test
  void settersValidateAtOnce() {
    KafkaClusterBuilder builder = KafkaCluster.builder();

    assertThatThrownBy(() -> builder.brokers(0)).hasMessageContaining("between 1 and 9, was 0");
    assertThatThrownBy(() -> builder.kafkaVersion(" ")).hasMessageContaining("kafkaVersion");
    assertThatThrownBy(() -> builder.saslUser("a b", "pw")).hasMessageContaining("'a b'");
    assertThatThrownBy(() -> builder.startTimeout(Duration.ZERO)).hasMessageContaining("PT0S");
    assertThatThrownBy(() -> builder.jvmOptions(List.of("-Xmx64m", ""))).hasMessageContaining("blank");
    assertThatThrownBy(() -> builder.brokerConfig(" ", "x")).hasMessageContaining("blank");
  }

  @Test
  void existingModeNeedsTheEnvironmentVariable() {
    assumeTrue(System.getenv(ExternalCluster.BOOTSTRAP_ENV) == null);

    assertThatThrownBy(() -> KafkaCluster.builder().mode(KafkaCluster.Mode.EXISTING).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ExternalCluster.BOOTSTRAP_ENV);
  }

  @Test
  void testcontainersModeRunsOneBrokerOnly() {
    assertThatThrownBy(() -> KafkaCluster.builder()
            .mode(KafkaCluster.Mode.TESTCONTAINERS).brokers(3).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LOCAL_PROCESSES");
  }

  @Test
  void testcontainersModeWithoutDockerFailsClearly() {
    assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is reachable");

    assertThatThrownBy(() -> KafkaCluster.builder().mode(KafkaCluster.Mode.TESTCONTAINERS).start())
        .isInstanceOf(KafkaClusterException.class)
        .hasMessageContaining("needs a Docker engine")
        .hasMessageContaining("LOCAL_PROCESSES");
  }

  @Test
  void waitUntilFailsWithTheMessageAfterTheTimeout() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> KafkaCluster.waitUntil(() -> false, Duration.ofMillis(100), "never"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("never")
        .hasMessageContaining("PT0.1S");
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
  }
}
