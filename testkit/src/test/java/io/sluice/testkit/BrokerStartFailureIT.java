package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A broker that cannot start says why, with the tail of its log. */
class BrokerStartFailureIT {

  @Test
  void invalidBrokerSettingFailsTheStartWithTheLogTail() {
    assertThatThrownBy(() -> KafkaCluster.builder()
            .mode(KafkaCluster.Mode.LOCAL_PROCESSES)
            .brokerConfig("num.network.threads", "zero")
            .start())
        .isInstanceOf(KafkaClusterException.class)
        .hasMessageContaining("broker-1 failed")
        .hasMessageContaining("last lines:")
        .hasMessageContaining("num.network.threads");
  }
}
