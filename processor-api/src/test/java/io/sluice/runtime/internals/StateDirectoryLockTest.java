package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.state.StateStoreException;
import io.sluice.state.TaskId;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task and application directory locks, and the clean-up of unassigned task directories. */
class StateDirectoryLockTest {
  private static final TaskId TASK = new TaskId(0, 1);
  private static final long DELAY = 1_000L;

  @TempDir Path root;

  private StateDirectory directory() {
    return new StateDirectory(root.toString(), "app", DELAY, new ManualTime(50_000L));
  }

  @Test
  void aSecondInstanceOnTheSameDirectoryIsRefusedWithTheDirectoryAndHolderNamed() {
    StateDirectory first = directory();
    StateDirectory second = directory();
    first.lock(TASK);
    assertThat(first.tryLock(TASK)).as("re-entrant for the owner").isTrue();
    assertThat(second.tryLock(TASK)).isFalse();
    assertThatThrownBy(() -> second.lock(TASK))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(new File(root.toFile(), "app/0_1").toString())
        .hasMessageContaining("thread '" + Thread.currentThread().getName() + "'")
        .hasMessageContaining("state.dir");

    assertThat(first.unlock(TASK)).isTrue();
    second.lock(TASK);
    assertThat(second.isLocked(TASK)).isTrue();
    second.close();
    assertThat(first.tryLock(TASK)).as("close releases").isTrue();
    first.close();
  }

  @Test
  void anotherThreadOfThisProcessIsRefusedAndCannotUnlock() throws Exception {
    StateDirectory dir = directory();
    dir.lock(TASK);
    boolean other =
        CompletableFuture.supplyAsync(() -> dir.tryLock(TASK)).get(10, TimeUnit.SECONDS);
    assertThat(other).isFalse();
    boolean unlocked = CompletableFuture.supplyAsync(() -> dir.unlock(TASK))
        .get(10, TimeUnit.SECONDS);
    assertThat(unlocked).as("only the owning thread unlocks").isFalse();
    assertThat(dir.unlock(TASK)).isTrue();
    assertThat(CompletableFuture.supplyAsync(() -> {
      boolean locked = dir.tryLock(TASK);
      dir.unlock(TASK);
      return locked;
    }).get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theApplicationLockGuardsCleanUp() {
    StateDirectory first = directory();
    StateDirectory second = directory();
    first.taskDir(new TaskId(1, 0));
    first.lockApplication();
    assertThatThrownBy(second::lockApplication)
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(new File(root.toFile(), "app").toString())
        .hasMessageContaining("locked by");
    assertThatThrownBy(second::cleanUp).isInstanceOf(StateStoreException.class);
    first.unlockApplication();

    second.lock(TASK);
    assertThatThrownBy(first::cleanUp)
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("0_1")
        .hasMessageContaining("close the application first");
    second.unlock(TASK);
    first.cleanUp();
    assertThat(root.resolve("app").toFile().list()).containsOnly(DirectoryLock.LOCK_FILE);
  }

  @Test
  void wipeKeepsTheLockFileOfAHeldDirectory() throws IOException {
    StateDirectory dir = directory();
    dir.lock(TASK);
    File taskDir = dir.taskDir(TASK);
    Files.writeString(taskDir.toPath().resolve(".checkpoint"), "0\n0\n");
    Files.createDirectories(taskDir.toPath().resolve("rocksdb/store"));
    dir.wipe(TASK);
    assertThat(taskDir.list()).containsOnly(DirectoryLock.LOCK_FILE);
    assertThat(directory().tryLock(TASK)).as("still locked after the wipe").isFalse();
    dir.unlock(TASK);
    dir.wipe(TASK);
    assertThat(taskDir).doesNotExist();
  }

  @Test
  void cleanupRemovesOnlyUnlockedDirectoriesUnusedForLongerThanTheDelay() {
    StateDirectory dir = directory();
    TaskId old = new TaskId(0, 0);
    TaskId recent = new TaskId(0, 2);
    TaskId held = new TaskId(0, 3);
    long now = 100_000L;
    for (TaskId id : new TaskId[] {old, recent, held}) {
      assertThat(dir.taskDir(id).setLastModified(now - DELAY - 1)).isTrue();
    }
    assertThat(dir.taskDir(recent).setLastModified(now - DELAY)).isTrue();
    dir.lock(held);
    File notATask = new File(dir.appDir(), "process-id");
    assertThat(notATask.mkdirs()).isTrue();
    assertThat(notATask.setLastModified(0)).isTrue();

    assertThat(dir.cleanRemovedTasks(now)).containsExactly(old);
    assertThat(new File(dir.appDir(), "0_0")).doesNotExist();
    assertThat(new File(dir.appDir(), "0_2")).isDirectory();
    assertThat(new File(dir.appDir(), "0_3")).isDirectory();
    assertThat(notATask).isDirectory();

    assertThat(directory().cleanRemovedTasks(now))
        .as("another instance's lock protects the directory too").isEmpty();
    dir.unlock(held);
    assertThat(new File(dir.appDir(), "0_3").lastModified())
        .as("releasing stamps the directory with the clock's time").isEqualTo(50_000L);
    assertThat(dir.cleanRemovedTasks(now + DELAY + 1)).containsExactlyInAnyOrder(recent, held);
  }

  @Test
  void aLockHeldByAnotherProcessIsRefusedWithThatProcessNamed() throws Exception {
    StateDirectory dir = directory();
    File taskDir = dir.taskDir(TASK);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LockHolder.class.getName(), taskDir.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("locked");
      assertThatThrownBy(() -> dir.lock(TASK))
          .isInstanceOf(StateStoreException.class)
          .hasMessageContaining(taskDir.toString())
          .hasMessageContaining("process " + child.pid())
          .hasMessageContaining("thread 'main'");
      child.getOutputStream().close();
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    dir.lock(TASK);
    dir.unlock(TASK);
  }

  /** Child JVM: locks the directory in args[0], says so, and holds it until stdin closes. */
  static final class LockHolder {
    public static void main(String[] args) throws IOException {
      StateDirectory dir = new StateDirectory(
          new File(args[0]).getParentFile().getParent(),
          new File(args[0]).getParentFile().getName());
      dir.lock(TaskId.parse(new File(args[0]).getName()));
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() != -1) {
        // Hold the lock until the parent closes our input.
      }
      dir.close();
    }
  }
}
