package io.sluice.examples;

import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/** What every example's {@code main} shares: base settings and running until Ctrl-C. */
public final class ExampleRunner {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private ExampleRunner() {}

  /**
   * @param applicationId the application id, hence the consumer group and internal topic prefix
   * @param bootstrapServers the cluster, {@code host:port[,host:port...]}
   * @return the settings the examples run with (at-least-once, input read from the earliest
   *     offset, state in the default dir)
   */
  public static Properties props(String applicationId, String bootstrapServers) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    props.put(StreamsConfig.CONSUMER_PREFIX + "auto.offset.reset", "earliest");
    return props;
  }

  /**
   * The {@code main} of an example that takes only {@code <bootstrap.servers>}: builds the
   * topology from {@link #props}, starts the application and runs until the JVM is stopped.
   *
   * @param name the example's class name, for the usage line
   * @param args the command line; exits with status 2 and a usage line unless it is one argument
   * @param applicationId the example's application id
   * @param topology builds the example's topology from its settings
   * @throws InterruptedException if interrupted while running
   */
  public static void run(String name, String[] args, String applicationId,
      Function<Properties, Topology> topology) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: " + name + " <bootstrap.servers>");
      System.exit(2);
    }
    Properties props = props(applicationId, args[0]);
    StreamsApp app = new StreamsApp(topology.apply(props), props);
    CountDownLatch stopped = onShutdown(name, () -> app.close(CLOSE_TIMEOUT));
    app.start();
    stopped.await();
  }

  /**
   * Registers a JVM shutdown hook (Ctrl-C) that runs {@code action}.
   *
   * @param name names the hook's thread
   * @return a latch that opens once {@code action} has run: {@code main} awaits it
   */
  public static CountDownLatch onShutdown(String name, Runnable action) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      action.run();
      stopped.countDown();
    }, name + "-shutdown"));
    return stopped;
  }

  /** How long {@code main}s wait for the application to close on shutdown. */
  public static Duration closeTimeout() {
    return CLOSE_TIMEOUT;
  }
}
