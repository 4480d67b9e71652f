package io.sluice.testkit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

  @Test
  void returnsDistinctPortsThatCanBeBound() throws Exception {
    int[] ports = PortAllocator.EPHEMERAL.freePorts(8);

    assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(8);
    for (int port : ports) {
      assertThat(port).isBetween(1, 65_535);
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        assertThat(socket.isBound()).isTrue();
      }
    }
  }

  @Test
  void layoutUsesEachPortOnce() {
    ClusterLayout layout = ClusterLayout.plan(3, true, PortAllocator.EPHEMERAL);

    int[] used = layout.allNodes().stream()
        .flatMapToInt(node -> IntStream.of(
            node.brokerPort(), node.saslPort(), node.controllerPort()))
        .filter(port -> port != 0)
        .toArray();
    assertThat(used).hasSize(7).doesNotHaveDuplicates();
  }
}
