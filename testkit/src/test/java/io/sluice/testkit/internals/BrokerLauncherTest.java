package io.sluice.testkit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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

  private static Process launch(long parentPid) throws Exception {
    return new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        BrokerLauncher.class.getName(), Long.toString(parentPid),
        RunsForever.class.getName(), "a", "b")
        .redirectErrorStream(true)
        .start();
  }

  @Test
  void runsTheMainClassAndHaltsWhenItsStandardInputCloses() throws Exception {
    Process child = launch(ProcessHandle.current().pid());
    try {
      String firstLine = new String(child.getInputStream().readNBytes("running a b".length()),
          StandardCharsets.UTF_8);
      assertThat(firstLine).isEqualTo("running a b");
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
