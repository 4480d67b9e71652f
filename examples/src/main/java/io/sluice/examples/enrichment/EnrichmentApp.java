package io.sluice.examples.enrichment;

import io.sluice.examples.ExampleRunner;
import java.util.Properties;

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
   * @return the settings the application runs with ({@link ExampleRunner#props})
   */
  public static Properties props(String bootstrapServers) {
    return ExampleRunner.props(APPLICATION_ID, bootstrapServers);
  }

  /**
   * @param args {@code <bootstrap.servers>}
   * @throws InterruptedException if interrupted while running
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleRunner.run("EnrichmentApp", args, APPLICATION_ID, EnrichmentTopology::build);
  }
}
