package io.sluice.testkit.internals;


/**
 * A cluster that already runs somewhere (named by {@code SLUICE_BOOTSTRAP_SERVERS}): nothing is
 * started or stopped, and broker faults cannot be injected.
 */
public final class ExternalCluster extends UnmanagedBrokersBackend {

  /** The environment variable naming an existing cluster's bootstrap servers. */
  public static final String BOOTSTRAP_ENV = "SLUICE_BOOTSTRAP_SERVERS";

  private final String bootstrapServers;

  /** A backend for the cluster at {@code bootstrapServers}. */
  public ExternalCluster(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public boolean external() {
    return true;
  }

  @Override
  public int brokerCount() {
    return 0;
  }

  @Override
  String faultsUnavailableMessage(String method) {
    return method + " needs brokers started by the testkit, but this"
        + " cluster is the existing one at " + BOOTSTRAP_ENV + "; build the cluster with"
        + " mode(Mode.LOCAL_PROCESSES) for fault-injection tests";
  }

  @Override
  public String brokerLogTail(int index) {
    return "(the brokers of " + bootstrapServers + " are not run by the testkit)";
  }

  @Override
  public void close() {
    // Nothing was started; topics are cleaned up by KafkaCluster.
  }
}
