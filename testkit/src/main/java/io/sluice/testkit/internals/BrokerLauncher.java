package io.sluice.testkit.internals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
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
 * <p>Arguments: {@code <parent pid> <main class> <main arguments...>}.
 */
public final class BrokerLauncher {

  /** Exit status of a child halted because its parent died. */
  static final int ORPHANED_EXIT_STATUS = 86;

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
      System.err.println("usage: BrokerLauncher <parent pid> <main class> [arguments...]");
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

    Method main = Class.forName(args[1]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
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
