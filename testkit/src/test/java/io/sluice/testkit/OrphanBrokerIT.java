package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** No broker outlives a test JVM that dies by {@code kill -9}. */
class OrphanBrokerIT {

  @Test
  void brokersExitWhenTheirTestJvmIsKilled() throws Exception {
    Process testJvm = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        ClusterInChildJvm.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<Long> brokerPids;
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(testJvm.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("first line of the child test JVM").startsWith("PIDS ");
      brokerPids = Arrays.stream(line.substring("PIDS ".length()).split(","))
          .map(Long::parseLong).collect(Collectors.toList());
      assertThat(brokerPids).isNotEmpty().allMatch(OrphanBrokerIT::alive);
    } finally {
      testJvm.destroyForcibly();
      testJvm.waitFor(30, TimeUnit.SECONDS);
    }

    KafkaCluster.waitUntil(() -> brokerPids.stream().noneMatch(OrphanBrokerIT::alive),
        Duration.ofSeconds(30), "brokers " + brokerPids + " exited after their test JVM died");
  }

  private static boolean alive(long pid) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    return process.isPresent() && process.get().isAlive();
  }
}
