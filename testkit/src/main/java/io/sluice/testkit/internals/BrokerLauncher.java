package io.sluice.testkit.internals;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The main class of every child JVM the testkit starts: it runs a Kafka main class and halts the
 * JVM as soon as the test JVM that started it is gone.
 *
 * <p>No shutdown hook runs when the test JVM is killed with {@code kill -9}, so the child watches
 * its parent itself, in two ways: its standard input is a pipe from the parent, which reaches end
 * of file when the parent dies; and a daemon thread polls the parent's liveness in case a
 * descendant inherited the pipe. Either way the child halts at once, without a clean shutdown
 * (its data is throw-away).
 *
 * <p>This class runs on the broker's own classpath, where the testkit is absent: the testkit
 * copies this one class file there. It must therefore use only the JDK and compile to a single
 * class file (lambdas are fine; nested or anonymous classes are not).
 *
 * <p>Arguments: {@code <parent pid> [--format <cluster id> <server.properties>] <main class>
 * <main arguments...>}; with {@code --format}, the node's storage is formatted first (if it is not
 * already), in this same JVM.
 */
public final class BrokerLauncher {

  /** Exit status of a child halted because its parent died. */
  static final int ORPHANED_EXIT_STATUS = 86;

  /** The option, right after the parent pid, that formats storage before the main class runs. */
  static final String FORMAT_OPTION = "--format";

  private static final String STORAGE_TOOL = "kafka.tools.StorageTool";
  private static final long PARENT_POLL_MILLIS = 500;

  private BrokerLauncher() {}

  /**
   * Starts watching the parent process, then runs the given main class.
   *
   * @param args the parent's pid, the main class name, then that main class's arguments
   * @throws Exception whatever the main class throws
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: BrokerLauncher <parent pid> [" + FORMAT_OPTION
          + " <cluster id> <server.properties>] <main class> [arguments...]");
      System.exit(2);
    }
    long parentPid = Long.parseLong(args[0]);
    Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
    if (parent.isEmpty() || !parent.get().isAlive()) {
      System.err.println("BrokerLauncher: parent process " + parentPid + " is gone; exiting");
      Runtime.getRuntime().halt(ORPHANED_EXIT_STATUS);
    }
    startDaemon("sluice-stdin-watch", () -> watchStdin(System.in));
    startDaemon("sluice-parent-watch", () -> watchParent(parent.get()));

    int next = 1;
    if (FORMAT_OPTION.equals(args[next]) && args.length >= next + 4) {
      format(args[next + 1], args[next + 2]);
      next += 3;
    }
    Method main = Class.forName(args[next]).getMethod("main", String[].class);
    invoke(main, (Object) Arrays.copyOfRange(args, next + 1, args.length));
  }

  /**
   * Formats a KRaft storage directory in this JVM, saving a JVM start; falls back to running the
   * storage tool in a JVM of its own if this Kafka version lacks the method used.
   */
  private static void format(String clusterId, String config) throws Exception {
    String[] formatArgs = {"format", "-t", clusterId, "-c", config, "--ignore-formatted"};
    Class<?> tool = Class.forName(STORAGE_TOOL);
    int status;
    try {
      Method execute = tool.getMethod("execute", String[].class, PrintStream.class);
      status = (Integer) invoke(execute, formatArgs, System.out);
    } catch (NoSuchMethodException e) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), STORAGE_TOOL));
      command.addAll(List.of(formatArgs));
      status = new ProcessBuilder(command).inheritIO().start().waitFor();
    }
    if (status != 0) {
      System.err.println("BrokerLauncher: formatting the storage with " + config
          + " failed with status " + status);
      System.exit(1);
    }
  }

  private static Object invoke(Method method, Object... arguments) throws Exception {
    try {
      return method.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw e;
    }
  }

  private static void startDaemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void watchStdin(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // The parent never writes; anything read is discarded.
      }
    } catch (IOException e) {
      // A broken pipe means the parent is gone, like end of file.
    }
    orphaned("its standard input closed");
  }

  private static void watchParent(ProcessHandle parent) {
    while (parent.isAlive()) {
      try {
        Thread.sleep(PARENT_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    orphaned("parent process " + parent.pid() + " exited");
  }

  private static void orphaned(String why) {
    System.err.println("BrokerLauncher: " + why + "; halting this child JVM");
    System.err.flush();
    Runtime.getRuntime().halt(ORPHANED_EXIT_STATUS);
  }
}
