package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.testkit.internals.ExternalCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Existing-cluster mode, pointed at the shared test cluster as if it were someone else's. */
class ExistingClusterIT {

  @RegisterExtension
  static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

  @Test
  void createsUniquelyNamedTopicsAndDeletesOnlyThose() {
    KafkaCluster owner = KAFKA.cluster();
    String foreign = owner.createTopic("someone-elses-topic");
    String created;
    try (KafkaCluster existing =
        new KafkaCluster(new ExternalCluster(owner.bootstrapServers()), false)) {
      created = existing.createTopic("mine");
      assertThat(created).startsWith("mine-").isNotEqualTo("mine");
      assertThat(existing.brokerCount()).isZero();
      assertThatThrownBy(() -> existing.deleteTopic(foreign))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(foreign);
      assertThatThrownBy(() -> existing.killBroker(0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("LOCAL_PROCESSES");
    }
    String deleted = created;
    KafkaCluster.waitUntil(() -> !owner.admin().listTopics().names().toCompletionStage()
            .toCompletableFuture().join().contains(deleted),
        Duration.ofSeconds(30), "topic " + deleted + " deleted on close");
    assertThat(owner.admin().listTopics().names().toCompletionStage().toCompletableFuture().join())
        .contains(foreign);
  }
}
