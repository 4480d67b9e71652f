package io.sluice.testkit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerLauncherTest {

  /** A main class that never returns by itself, standing in for a broker. */
  public static final class RunsForever {
    private RunsForever() {}

    public static void main(String[] args) throws InterruptedException {
      System.out.println("running " + String.join(" ", args));
      System.out.flush();
      new CountDownLatch(1).await();
    }
  }

  private static Process launch(long parentPid, String... launcherArguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        BrokerLauncher.class.getName(), Long.toString(parentPid)));
    command.addAll(List.of(launcherArguments));
    command.addAll(List.of(RunsForever.class.getName(), "a", "b"));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static String firstOutput(Process child) throws Exception {
    return new String(child.getInputStream().readNBytes("running a b".length()),
        StandardCharsets.UTF_8);
  }

  @Test
  void formatsWithTheStorageToolInItsOwnJvmWhenItHasNoInProcessEntryPoint(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("server.properties");
    Process child = launch(ProcessHandle.current().pid(),
        BrokerLauncher.FORMAT_OPTION, "cluster-42", config.toString());
    try {
      assertThat(firstOutput(child)).isEqualTo("running a b");
      assertThat(Files.readString(config, StandardCharsets.UTF_8))
          .isEqualTo("format -t cluster-42 -c " + config + " --ignore-formatted");
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void runsTheMainClassAndHaltsWhenItsStandardInputCloses() throws Exception {
    Process child = launch(ProcessHandle.current().pid());
    try {
      assertThat(firstOutput(child)).isEqualTo("running a b");
      assertThat(child.isAlive()).isTrue();

      child.getOutputStream().close();

      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isEqualTo(BrokerLauncher.ORPHANED_EXIT_STATUS);
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void exitsAtOnceWhenTheParentIsAlreadyGone() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();

    Process child = launch(gone.pid());
    try {
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isEqualTo(BrokerLauncher.ORPHANED_EXIT_STATUS);
    } finally {
      child.destroyForcibly();
    }
  }
}
