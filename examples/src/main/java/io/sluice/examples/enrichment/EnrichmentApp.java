package io.sluice.examples.enrichment;

import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link EnrichmentTopology} against a Kafka cluster until the JVM is stopped (Ctrl-C).
 * The topics {@value EnrichmentTopology#ORDERS}, {@value EnrichmentTopology#CUSTOMERS} (partitioned
 * like the orders), {@value EnrichmentTopology#PRODUCTS} and {@value EnrichmentTopology#OUTPUT} must
 * exist.
 */
public final class EnrichmentApp {

  /** The application id, hence the consumer group and the prefix of the internal topics. */
  public static final String APPLICATION_ID = "enrichment-detection";

  private EnrichmentApp() {}

  /**
   * @param bootstrapServers the cluster, {@code host:port[,host:port...]}
   * @return the settings the application runs with (at-least-once, state in the default dir)
   */
  public static Properties props(String bootstrapServers) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID, APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    props.put(StreamsConfig.CONSUMER_PREFIX + "auto.offset.reset", "earliest");
    return props;
  }

  /**
   * @param args {@code <bootstrap.servers>}
   * @throws InterruptedException if interrupted while running
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: EnrichmentApp <bootstrap.servers>");
      System.exit(2);
    }
    Properties props = props(args[0]);
    StreamsApp app = new StreamsApp(EnrichmentTopology.build(props), props);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close(Duration.ofSeconds(30));
      stopped.countDown();
    }, "enrichment-shutdown"));
    app.start();
    stopped.await();
  }
}
