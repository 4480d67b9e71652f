package io.sluice.testkit.internals;

import io.sluice.testkit.KafkaClusterException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Kafka node running in its own JVM under {@link BrokerLauncher}: starting (after formatting
 * its storage in the same JVM), waiting for its port, stopping cleanly, and killing.
 *
 * <p>The child's standard output and error go to {@code <name>.log} in the cluster directory; its
 * standard input is a pipe this JVM keeps open, so the child notices when this JVM dies.
 */
final class NodeProcess {

  private static final int LOG_TAIL_LINES = 60;
  private static final int LOG_TAIL_BYTES = 16 * 1024;

  private final KafkaNode node;
  private final Path clusterDir;
  private final Path configFile;
  private final Path logFile;
  private final String classpath;
  private final List<String> jvmOptions;
  private Process process;

  NodeProcess(KafkaNode node, Path clusterDir, Path configFile, String classpath,
      List<String> jvmOptions) {
    this.node = node;
    this.clusterDir = clusterDir;
    this.configFile = configFile;
    this.logFile = clusterDir.resolve(node.name() + ".log");
    this.classpath = classpath;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  KafkaNode node() {
    return node;
  }

  /**
   * Starts the node's JVM, which first formats the node's storage for KRaft cluster
   * {@code clusterId} unless it is already formatted; returns at once (see
   * {@link #awaitListening}).
   */
  synchronized void start(String clusterId) {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(node.name() + " is already running (pid " + process.pid() + ")");
    }
    process = launch(clusterId);
  }

  private Process launch(String clusterId) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(Arrays.asList("-cp", classpath, PidFiles.CHILD_MARKER,
        Long.toString(ProcessHandle.current().pid()),
        BrokerLauncher.FORMAT_OPTION, clusterId, configFile.toString(),
        "kafka.Kafka", configFile.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(clusterDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.PIPE);
    try {
      Process started = builder.start();
      ChildProcesses.register(started);
      PidFiles.writePid(clusterDir, node.name() + "-" + started.pid(), started.pid());
      return started;
    } catch (IOException e) {
      throw new KafkaClusterException("cannot start a JVM for " + node.name() + ": " + command, e);
    }
  }

  /**
   * Waits until the node accepts TCP connections on its main port.
   *
   * @throws KafkaClusterException with the log tail if the process exits or the time runs out
   */
  void awaitListening(long deadlineNanos) {
    int port = node.broker() ? node.brokerPort() : node.controllerPort();
    Process current = current();
    long pauseMillis = 20;
    while (true) {
      if (!current.isAlive()) {
        throw failure("its JVM exited with status " + current.exitValue() + " while starting");
      }
      if (accepts(port)) {
        return;
      }
      if (System.nanoTime() > deadlineNanos) {
        kill();
        throw failure("it did not open port " + port + " in time");
      }
      pause(pauseMillis);
      pauseMillis = Math.min(200, pauseMillis * 2);
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(ClusterLayout.HOST, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The pid of the running JVM; -1 if the node is not running. */
  synchronized long pid() {
    return isAlive() ? process.pid() : -1;
  }

  /** Stops the node with SIGTERM (a controlled shutdown), or kills it after {@code timeout}. */
  void stop(Duration timeout) {
    Process current = current();
    current.destroy();
    try {
      if (!current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
    release(current);
  }

  /** Kills the node with SIGKILL and waits for it to be gone. */
  void kill() {
    Process current;
    synchronized (this) {
      current = process;
    }
    if (current == null) {
      return;
    }
    current.destroyForcibly();
    try {
      current.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    release(current);
  }

  /** Forgets an exited child and closes our end of its standard input pipe. */
  private static void release(Process exited) {
    ChildProcesses.unregister(exited);
    try {
      exited.getOutputStream().close();
    } catch (IOException e) {
      // The pipe is gone with the child either way.
    }
  }

  private synchronized Process current() {
    if (process == null) {
      throw new IllegalStateException(node.name() + " was never started");
    }
    return process;
  }

  /** An exception naming the node and what went wrong, ending with the tail of its log. */
  KafkaClusterException failure(String what) {
    return new KafkaClusterException("Kafka " + node.name() + " failed: " + what + ". Its log is "
        + logFile + "; last lines:\n" + tail(logFile));
  }

  /** The last lines of the node's log. */
  String logTail() {
    return tail(logFile);
  }

  static String tail(Path log) {
    if (!Files.isRegularFile(log)) {
      return "(no log written)";
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read log " + log, e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaClusterException("interrupted while waiting for a Kafka node to start", e);
    }
  }
}
