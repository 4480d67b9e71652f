package io.sluice.testkit;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts a {@link KafkaCluster} before the first test of a class and
 * closes it after the last one, whether the tests passed or not. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaClusterExtension KAFKA =
 *     KafkaClusterExtension.with(KafkaCluster.builder().brokers(3));
 * }</pre>
 *
 * <p>{@link #shared()} instead uses the JVM-wide {@link KafkaCluster#shared()} cluster, started
 * by the first class that needs it and stopped when the test JVM exits, so that all test classes
 * of a module run share one broker. Test methods and constructors may also declare a
 * {@link KafkaCluster} parameter.
 */
public final class KafkaClusterExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private final KafkaClusterBuilder builder;
  private volatile KafkaCluster cluster;

  private KafkaClusterExtension(KafkaClusterBuilder builder) {
    this.builder = builder;
  }

  /** An extension that starts a cluster from {@code builder} for each test class. */
  public static KafkaClusterExtension with(KafkaClusterBuilder builder) {
    return new KafkaClusterExtension(Objects.requireNonNull(builder, "builder"));
  }

  /** An extension handing out the JVM-wide single-broker {@link KafkaCluster#shared()} cluster. */
  public static KafkaClusterExtension shared() {
    return new KafkaClusterExtension(null);
  }

  /**
   * The running cluster.
   *
   * @throws IllegalStateException outside the test class's lifecycle, or if the extension is not
   *     registered on a static field
   */
  public KafkaCluster cluster() {
    KafkaCluster current = cluster;
    if (current == null) {
      throw new IllegalStateException("the Kafka cluster is not running: register the"
          + " KafkaClusterExtension with @RegisterExtension on a static field and use it from"
          + " tests or @BeforeAll/@BeforeEach methods");
    }
    return current;
  }

  /** Shorthand for {@code cluster().bootstrapServers()}. */
  public String bootstrapServers() {
    return cluster().bootstrapServers();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (cluster == null) {
      cluster = builder == null ? KafkaCluster.shared() : builder.start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    KafkaCluster current = cluster;
    cluster = null;
    if (current != null) {
      current.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster();
  }
}
