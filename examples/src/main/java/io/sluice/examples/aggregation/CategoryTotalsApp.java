package io.sluice.examples.aggregation;

import io.sluice.examples.ExampleRunner;
import io.sluice.runtime.HostInfo;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import java.util.Properties;

/**
 * Runs {@link CategoryTotalsTopology} against a Kafka cluster and serves its totals over HTTP
 * with {@link CategoryTotalsServer} until the JVM is stopped (Ctrl-C). Start several instances
 * with different HTTP ports to spread the categories; any instance answers for any category. The
 * topic {@value CategoryTotalsTopology#SALES} must exist.
 */
public final class CategoryTotalsApp {

  /** The application id, hence the consumer group and the prefix of the internal topics. */
  public static final String APPLICATION_ID = "category-totals";

  private CategoryTotalsApp() {}

  /**
   * @param bootstrapServers the cluster, {@code host:port[,host:port...]}
   * @param httpPort the port of this instance's HTTP server (1..65535)
   * @return the settings the application runs with ({@code application.server=localhost:port},
   *     at-least-once, state in the default dir)
   */
  public static Properties props(String bootstrapServers, int httpPort) {
    Properties props = ExampleRunner.props(APPLICATION_ID, bootstrapServers);
    props.put(StreamsConfig.APPLICATION_SERVER, "localhost:" + httpPort);
    return props;
  }

  /**
   * Starts the application and its HTTP server.
   *
   * @param app the application, built from {@link CategoryTotalsTopology} and {@code props}
   * @param props the settings, with {@code application.server} set to this instance's HTTP
   *     endpoint
   * @return the server (close it first, then the application)
   * @throws IllegalArgumentException if {@code application.server} is missing or malformed
   */
  public static CategoryTotalsServer start(StreamsApp app, Properties props) {
    Object server = props.get(StreamsConfig.APPLICATION_SERVER);
    if (server == null || server.toString().isBlank()) {
      throw new IllegalArgumentException("Setting " + StreamsConfig.APPLICATION_SERVER
          + " is missing; set it to this instance's HTTP endpoint, host:port");
    }
    CategoryTotalsServer http = new CategoryTotalsServer(app, HostInfo.parse(server.toString()));
    app.start();
    http.start();
    return http;
  }

  /**
   * @param args {@code <bootstrap.servers> <http port>}
   * @throws InterruptedException if interrupted while running
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: CategoryTotalsApp <bootstrap.servers> <http port>");
      System.exit(2);
    }
    Properties props = props(args[0], Integer.parseInt(args[1]));
    StreamsApp app = new StreamsApp(CategoryTotalsTopology.build(props), props);
    CategoryTotalsServer http = start(app, props);
    ExampleRunner.onShutdown("CategoryTotalsApp", () -> {
      http.close();
      app.close(ExampleRunner.closeTimeout());
    }).await();
  }
}
