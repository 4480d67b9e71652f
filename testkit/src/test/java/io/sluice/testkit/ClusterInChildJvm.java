package io.sluice.testkit;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Starts a one-broker cluster, prints {@code PIDS <pid,...>} on standard output and waits until
 * its standard input closes. {@link OrphanBrokerIT} runs it in a child JVM and kills that JVM.
 */
public final class ClusterInChildJvm {

  private ClusterInChildJvm() {}

  public static void main(String[] args) throws IOException {
    KafkaCluster kafka = KafkaCluster.builder().mode(KafkaCluster.Mode.LOCAL_PROCESSES).start();
    System.out.println("PIDS " + kafka.processIds().stream().map(String::valueOf)
        .collect(Collectors.joining(",")));
    System.out.flush();
    while (System.in.read() >= 0) {
      // Wait for the parent; it kills this JVM with SIGKILL.
    }
    kafka.close();
  }
}
