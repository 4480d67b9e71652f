package io.sluice.testkit.internals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Working directories of local clusters, with the PID files that let a later run clean up after
 * a crashed one.
 *
 * <p>Each cluster gets a directory under a root ({@code <java.io.tmpdir>/sluice-testkit} by
 * default) holding an {@code owner} file (pid and start time of the test JVM), one {@code .pid}
 * file per child process, and the nodes' data and logs. {@link #sweep()} removes the directories
 * of owners that are gone, first killing any child still running — but only a process whose
 * command line shows it is one of this testkit's children for that very directory, so a recycled
 * pid never takes an unrelated process down.
 */
public final class PidFiles {

  /** Text every child's command line contains: the launcher's class name. */
  public static final String CHILD_MARKER = BrokerLauncher.class.getName();

  private static final String OWNER_FILE = "owner";
  private static final String PID_SUFFIX = ".pid";

  private final Path root;

  /** PID files under {@code root}. */
  public PidFiles(Path root) {
    this.root = root;
  }

  /** The default root: {@code <java.io.tmpdir>/sluice-testkit}. */
  public static PidFiles standard() {
    return new PidFiles(Paths.get(System.getProperty("java.io.tmpdir"), "sluice-testkit"));
  }

  /**
   * Creates a fresh cluster directory owned by this JVM.
   *
   * @throws UncheckedIOException if it cannot be created
   */
  public Path newClusterDirectory() {
    Path dir = root.resolve("cluster-" + UUID.randomUUID().toString().substring(0, 8));
    try {
      Files.createDirectories(dir);
      ProcessHandle self = ProcessHandle.current();
      Files.writeString(dir.resolve(OWNER_FILE), self.pid() + " " + startMillis(self),
          StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a cluster directory under " + root, e);
    }
  }

  /** Records the pid of a child named {@code name} (a file name) of a cluster directory. */
  public static void writePid(Path clusterDir, String name, long pid) {
    try {
      Files.writeString(clusterDir.resolve(name + PID_SUFFIX), Long.toString(pid),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the PID file of " + name + " in " + clusterDir, e);
    }
  }

  /**
   * Removes the directories of clusters whose owning JVM has exited, killing their leftover
   * children first. Directories of live owners (this JVM included) are left alone.
   *
   * @return the pids of the processes killed
   */
  public List<Long> sweep() {
    List<Long> killed = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return killed;
    }
    try (DirectoryStream<Path> clusters = Files.newDirectoryStream(root)) {
      for (Path dir : clusters) {
        if (Files.isDirectory(dir) && !ownerAlive(dir)) {
          killed.addAll(killChildren(dir));
          Directories.deleteRecursively(dir);
        }
      }
    } catch (IOException e) {
      // A concurrent run may be sweeping too; whatever is left is swept next time.
    }
    return killed;
  }

  static boolean ownerAlive(Path dir) {
    try {
      String[] owner = Files.readString(dir.resolve(OWNER_FILE), StandardCharsets.UTF_8).trim()
          .split(" ");
      Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(owner[0]));
      return process.isPresent() && process.get().isAlive()
          && (owner.length < 2 || Long.toString(startMillis(process.get())).equals(owner[1]));
    } catch (IOException | RuntimeException e) {
      // No readable owner file: a directory being created right now is younger than a minute.
      return modifiedWithinAMinute(dir);
    }
  }

  private static List<Long> killChildren(Path dir) throws IOException {
    List<Long> killed = new ArrayList<>();
    try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(dir, "*" + PID_SUFFIX)) {
      for (Path pidFile : pidFiles) {
        long pid;
        try {
          pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
          continue;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent() && isOurChild(process.get(), dir)) {
          process.get().destroyForcibly();
          killed.add(pid);
        }
      }
    }
    return killed;
  }

  /** Whether {@code process} runs the launcher for a node of the cluster in {@code dir}. */
  static boolean isOurChild(ProcessHandle process, Path dir) {
    String commandLine = process.info().commandLine().orElse("");
    return process.isAlive()
        && commandLine.contains(CHILD_MARKER)
        && commandLine.contains(dir.toAbsolutePath().toString());
  }

  private static long startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  private static boolean modifiedWithinAMinute(Path dir) {
    try {
      return Files.getLastModifiedTime(dir).toMillis() > System.currentTimeMillis() - 60_000;
    } catch (IOException e) {
      return false;
    }
  }
}
