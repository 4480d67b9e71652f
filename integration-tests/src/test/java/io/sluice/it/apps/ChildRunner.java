package io.sluice.it.apps;

import io.sluice.it.harness.ChildProtocol;
import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsUncaughtExceptionHandler;
import io.sluice.state.StateRestoreListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;

/**
 * The body of every child application JVM: loads the settings file named by the first argument,
 * builds the topology from them, runs a {@link StreamsApp}, and talks to the test through {@link
 * ChildProtocol} lines on standard output. It closes the application when the test writes {@link
 * ChildProtocol#CLOSE_COMMAND}, and halts at once when its standard input ends (the test JVM died).
 */
public final class ChildRunner {
  /** Runtime metrics (summed over their tags) reported as counters. */
  static final String[] REPORTED_METRICS = {"restore-total", "dropped-records-total"};
  /** Counter of changelog records restored in this JVM (from the restore listener). */
  public static final String RESTORED_RECORDS = "restored-records";
  /** How often changed counters are reported, in ms. */
  static final long REPORT_PERIOD_MS = 200;

  private ChildRunner() {}

  /**
   * Runs the application until told to close.
   *
   * @param args {@code args[0]}: a properties file with the application's settings and the
   *     topology's {@code it.*} settings
   * @param topology builds the topology from the settings
   */
  public static void run(String[] args, Function<Properties, Topology> topology)
      throws IOException {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      props.load(reader);
    }
    StreamsApp app;
    try {
      Topology built = topology.apply(props);
      Properties appProps = new Properties();
      props.stringPropertyNames().stream().filter(k -> !k.startsWith("it."))
          .forEach(k -> appProps.setProperty(k, props.getProperty(k)));
      app = new StreamsApp(built, appProps);
    } catch (RuntimeException e) {
      print(ChildProtocol.error("construction failed: " + e));
      e.printStackTrace(System.out);
      System.exit(2);
      return;
    }
    app.setStateListener((now, before) -> print(ChildProtocol.stateChange(now.name(),
        before.name())));
    app.setUncaughtExceptionHandler(e -> {
      print(ChildProtocol.error("uncaught: " + e));
      e.printStackTrace(System.out);
      return StreamsUncaughtExceptionHandler.Response.SHUTDOWN_CLIENT;
    });
    app.setGlobalStateRestoreListener(new StateRestoreListener() {
      @Override
      public void onRestoreStart(TopicPartition partition, String store, long start, long end) {}

      @Override
      public void onRestoreEnd(TopicPartition partition, String store, long total) {}

      @Override
      public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset,
          long restored) {
        JvmCounters.add(RESTORED_RECORDS, restored);
      }
    });
    app.start();
    Map<String, Long> reported = new HashMap<>();
    ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "it-reporter");
      t.setDaemon(true);
      return t;
    });
    reporter.scheduleAtFixedRate(() -> reportOnce(app, reported), 0, REPORT_PERIOD_MS,
        TimeUnit.MILLISECONDS);
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = stdin.readLine()) != null) {
      if (line.trim().equals(ChildProtocol.CLOSE_COMMAND)) {
        boolean stopped = app.close(Duration.ofSeconds(60));
        reporter.shutdown();
        reportOnce(app, reported);
        print(ChildProtocol.PREFIX + "closed stopped=" + stopped);
        System.exit(stopped ? 0 : 1);
      }
    }
    // The test JVM is gone: leave no orphan behind.
    Runtime.getRuntime().halt(3);
  }

  private static synchronized void reportOnce(StreamsApp app, Map<String, Long> last) {
    Map<String, Long> now = new HashMap<>(JvmCounters.snapshot());
    Map<String, Long> metrics = new HashMap<>();
    try {
      for (Map.Entry<MetricName, ? extends Metric> e : app.metrics().entrySet()) {
        for (String name : REPORTED_METRICS) {
          if (e.getKey().name().equals(name) && e.getValue().metricValue() instanceof Number n) {
            metrics.merge(name, n.longValue(), Long::sum);
          }
        }
      }
    } catch (RuntimeException e) {
      print(ChildProtocol.error("metrics unreadable: " + e));
    }
    now.putAll(metrics);
    now.forEach((name, value) -> {
      if (!value.equals(last.get(name))) {
        print(ChildProtocol.counter(name, value));
        last.put(name, value);
      }
    });
  }

  private static void print(String line) {
    synchronized (System.out) {
      System.out.println(line);
      System.out.flush();
    }
  }
}
