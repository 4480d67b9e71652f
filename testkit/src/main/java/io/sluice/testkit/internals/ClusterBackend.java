package io.sluice.testkit.internals;

import java.util.List;
import java.util.Map;

/**
 * Where a {@code KafkaCluster}'s brokers come from: local child JVMs, a Testcontainers container,
 * or an existing cluster. Topic, produce and consume helpers are shared above this interface.
 */
public interface ClusterBackend extends AutoCloseable {

  /** The bootstrap servers clients should use (the SASL listener when SASL is on). */
  String bootstrapServers();

  /** Client settings beyond {@code bootstrap.servers}: security settings, if any. */
  Map<String, Object> securityProperties();

  /** Whether the cluster has a SASL/PLAIN listener. */
  boolean sasl();

  /** Whether the cluster existed before and must not lose anything this run did not create. */
  boolean external();

  /** Number of brokers (0 when unknown, for an external cluster). */
  int brokerCount();

  /** Stops broker {@code index} cleanly. */
  void stopBroker(int index);

  /** Starts broker {@code index} again and waits until it has registered. */
  void startBroker(int index);

  /** Kills broker {@code index} with SIGKILL. */
  void killBroker(int index);

  /** The pids of the live child processes (empty when there are none). */
  List<Long> processIds();

  /** The last lines of broker {@code index}'s log, for diagnostics. */
  String brokerLogTail(int index);

  /** Stops everything this backend started and deletes its data. Idempotent. */
  @Override
  void close();
}
