package io.sluice.testkit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeProcessTest {

  @Test
  void tailKeepsTheLastSixtyLines(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("broker-1.log");
    Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i)
        .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);

    String tail = NodeProcess.tail(log);

    assertThat(tail.lines()).hasSize(60).first().isEqualTo("line 41");
    assertThat(tail.lines()).last().isEqualTo("line 100");
  }

  @Test
  void tailOfAHugeLogReadsOnlyItsEnd(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("broker-1.log");
    Files.writeString(log, "x".repeat(1_000_000) + "\nthe cause\n", StandardCharsets.UTF_8);

    assertThat(NodeProcess.tail(log)).endsWith("the cause").hasSizeLessThan(20_000);
  }

  @Test
  void tailOfAMissingLogSaysSo(@TempDir Path dir) {
    assertThat(NodeProcess.tail(dir.resolve("none.log"))).isEqualTo("(no log written)");
  }
}
