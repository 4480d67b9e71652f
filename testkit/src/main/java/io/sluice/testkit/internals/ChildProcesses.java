package io.sluice.testkit.internals;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Every child process and cluster directory this JVM still owns, with one shutdown hook that
 * kills the children and deletes the directories when the JVM exits without closing its clusters.
 */
final class ChildProcesses {

  private static final Set<Process> PROCESSES = new LinkedHashSet<>();
  private static final Set<Path> DIRECTORIES = new LinkedHashSet<>();
  private static boolean hookInstalled;

  private ChildProcesses() {}

  static synchronized void register(Process process) {
    installHook();
    PROCESSES.add(process);
  }

  static synchronized void unregister(Process process) {
    PROCESSES.remove(process);
  }

  static synchronized void register(Path directory) {
    installHook();
    DIRECTORIES.add(directory);
  }

  static synchronized void unregister(Path directory) {
    DIRECTORIES.remove(directory);
  }

  private static void installHook() {
    if (!hookInstalled) {
      Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::cleanUp, "sluice-testkit-cleanup"));
      hookInstalled = true;
    }
  }

  private static void cleanUp() {
    Set<Process> processes;
    Set<Path> directories;
    synchronized (ChildProcesses.class) {
      processes = new LinkedHashSet<>(PROCESSES);
      directories = new LinkedHashSet<>(DIRECTORIES);
    }
    for (Process process : processes) {
      process.destroyForcibly();
    }
    for (Process process : processes) {
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    directories.forEach(Directories::deleteRecursively);
  }
}
