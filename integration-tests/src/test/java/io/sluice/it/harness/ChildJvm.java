package io.sluice.it.harness;

import io.sluice.testkit.KafkaCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One Sluice application instance in a JVM of its own, started from the test's classpath with a
 * main class of {@code io.sluice.it.apps}. Its standard output and error go, appended across
 * restarts, to one log file; its standard input stays a pipe from the test, so {@link
 * #closeGracefully} can ask it to close and so it halts by itself when the test JVM dies. Lines
 * starting with {@link ChildProtocol#PREFIX} report state changes and counters to the test.
 */
public final class ChildJvm implements AutoCloseable {
  private final String name;
  private final Path log;
  private final List<String> command;
  private Process process;
  private long incarnationStart;
  private int incarnations;

  ChildJvm(String name, Path log, Class<?> mainClass, List<String> args) {
    this.name = name;
    this.log = log;
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:+UseSerialGC");
    // C1 only: on two shared cores C2 compiler threads cost more than they win in a short run.
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Xshare:auto");
    cmd.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    cmd.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
    cmd.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass.getName());
    cmd.addAll(args);
    this.command = List.copyOf(cmd);
  }

  /** Starts (or, after {@link #kill}, restarts) the JVM; its output is appended to the log. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("child '" + name + "' is already running");
    }
    try {
      Files.createDirectories(log.getParent());
      incarnations++;
      Files.writeString(log, "=== " + name + " start #" + incarnations + " ===\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      incarnationStart = Files.size(log);
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start child '" + name + "' (log " + log + ")", e);
    }
  }

  /** Kills the JVM with SIGKILL ({@code kill -9}) and waits until it is gone. */
  public synchronized void kill() {
    Process p = process;
    if (p == null) {
      return;
    }
    p.destroyForcibly();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("child '" + name + "' survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing child '" + name + "'", e);
    }
  }

  /**
   * Asks the application to close (commit, checkpoint, leave the group) and waits for the JVM to
   * exit; kills it and fails if it does not exit in time.
   *
   * @return the exit code
   */
  public synchronized int closeGracefully(Duration timeout) {
    Process p = process;
    if (p == null || !p.isAlive()) {
      throw new IllegalStateException("child '" + name + "' is not running; log:\n" + logTail());
    }
    try {
      OutputStream in = p.getOutputStream();
      in.write((ChildProtocol.CLOSE_COMMAND + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new AssertionError("child '" + name + "' did not close within " + timeout
            + "; killed it. Log tail:\n" + logTail());
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot ask child '" + name + "' to close", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing child '" + name + "'", e);
    }
  }

  /** Whether the JVM is running. */
  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The name given at creation (used in messages). */
  public String name() {
    return name;
  }

  /** The log file of all incarnations. */
  public Path logFile() {
    return log;
  }

  /** How many times the JVM was started. */
  public synchronized int incarnations() {
    return incarnations;
  }

  /** All lines the JVM wrote, over every incarnation. */
  public List<String> allLines() {
    return readFrom(0);
  }

  /** The lines written since the last start. */
  public List<String> currentLines() {
    long from;
    synchronized (this) {
      from = incarnationStart;
    }
    return readFrom(from);
  }

  private List<String> readFrom(long offset) {
    try {
      if (!Files.exists(log)) {
        return List.of();
      }
      byte[] bytes = Files.readAllBytes(log);
      int start = (int) Math.min(offset, bytes.length);
      String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
      return text.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read log " + log, e);
    }
  }

  /** The last 60 lines of the log, for failure messages. */
  public String logTail() {
    List<String> lines = allLines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** The latest value the current incarnation reported for {@code counter}, if any. */
  public Optional<Long> currentCounter(String counter) {
    return ChildProtocol.lastCounter(currentLines(), counter);
  }

  /** The largest value any incarnation reported for {@code counter}, or 0. */
  public long maxCounterEver(String counter) {
    return ChildProtocol.maxCounter(allLines(), counter);
  }

  /**
   * Waits until a line of the current incarnation matches; fails with the log tail (and whether
   * the JVM died) otherwise.
   */
  public void awaitLine(Predicate<String> line, Duration timeout, String what) {
    try {
      KafkaCluster.waitUntil(() -> {
        if (currentLines().stream().anyMatch(line)) {
          return true;
        }
        if (!isAlive()) {
          throw new AssertionError("child '" + name + "' exited while waiting for " + what
              + ". Log tail:\n" + logTail());
        }
        return false;
      }, timeout, "child '" + name + "': " + what);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nLog tail of " + log + ":\n" + logTail(), e);
    }
  }

  /** Waits until the current incarnation reports state RUNNING. */
  public void awaitRunning(Duration timeout) {
    awaitLine(ChildProtocol.stateLine("RUNNING"), timeout, "state RUNNING");
  }

  /** Kills the JVM if it runs (SIGKILL); safe to call more than once. */
  @Override
  public void close() {
    kill();
  }
}
