package io.sluice.testkit.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {

  @TempDir
  Path root;

  private Process bystander;
  private Process leftover;

  @AfterEach
  void killHelpers() {
    for (Process process : new Process[] {bystander, leftover}) {
      if (process != null) {
        process.destroyForcibly();
      }
    }
  }

  private static long deadPid() throws Exception {
    Process process = new ProcessBuilder("true").start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return process.pid();
  }

  @Test
  void liveOwnersKeepTheirDirectories() {
    PidFiles pidFiles = new PidFiles(root);
    Path dir = pidFiles.newClusterDirectory();

    assertThat(pidFiles.sweep()).isEmpty();
    assertThat(dir).isDirectory();
  }

  @Test
  void deadOwnersLoseTheirDirectoryAndOnlyTheirOwnChildren() throws Exception {
    Path dir = Files.createDirectories(root.resolve("cluster-dead"));
    Files.writeString(dir.resolve("owner"), deadPid() + " 0", StandardCharsets.UTF_8);
    // A leftover child: its command line names the launcher and this cluster directory.
    leftover = new ProcessBuilder("sh", "-c", "sleep 60; echo " + PidFiles.CHILD_MARKER, "x",
        dir.toAbsolutePath().toString()).start();
    // An unrelated process whose pid happens to sit in a PID file.
    bystander = new ProcessBuilder("sleep", "60").start();
    PidFiles.writePid(dir, "broker-1", leftover.pid());
    PidFiles.writePid(dir, "broker-2", bystander.pid());

    assertThat(new PidFiles(root).sweep()).containsExactly(leftover.pid());

    assertThat(leftover.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(bystander.isAlive()).isTrue();
    assertThat(dir).doesNotExist();
  }

  @Test
  void anOwnerPidReusedByAnotherProcessCountsAsDead() throws Exception {
    Path dir = Files.createDirectories(root.resolve("cluster-reused"));
    long self = ProcessHandle.current().pid();
    Files.writeString(dir.resolve("owner"), self + " 12345", StandardCharsets.UTF_8);

    assertThat(PidFiles.ownerAlive(dir)).isFalse();
  }

  @Test
  void aDirectoryWithoutOwnerIsKeptWhileYoung() throws Exception {
    Path dir = Files.createDirectories(root.resolve("cluster-starting"));

    assertThat(PidFiles.ownerAlive(dir)).isTrue();
    Files.setLastModifiedTime(dir, FileTime.fromMillis(
        System.currentTimeMillis() - Duration.ofMinutes(5).toMillis()));
    assertThat(PidFiles.ownerAlive(dir)).isFalse();
  }
}
