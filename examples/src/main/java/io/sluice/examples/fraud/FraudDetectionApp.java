package io.sluice.examples.fraud;

import io.sluice.examples.ExampleRunner;
import java.util.Properties;

/**
 * Runs {@link FraudDetectionTopology} against a Kafka cluster until the JVM is stopped (Ctrl-C).
 * The topics {@value FraudDetectionTopology#TRANSACTIONS}, {@value FraudDetectionTopology#ALERTS}
 * and {@value FraudDetectionTopology#LATE} must exist.
 */
public final class FraudDetectionApp {

  /** The application id, hence the consumer group and the prefix of the internal topics. */
  public static final String APPLICATION_ID = "fraud-detection";

  private FraudDetectionApp() {}

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
    ExampleRunner.run("FraudDetectionApp", args, APPLICATION_ID, FraudDetectionTopology::build);
  }
}
