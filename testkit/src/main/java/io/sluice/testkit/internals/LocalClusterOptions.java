package io.sluice.testkit.internals;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a local cluster is made of.
 *
 * @param brokers number of brokers, at least 1
 * @param kafkaVersion version of {@code org.apache.kafka:kafka_2.13} the brokers run
 * @param saslUsers user to password of the SASL/PLAIN listener; empty for no SASL listener
 * @param brokerOverrides broker settings that replace the testkit's (null value: remove)
 * @param jvmOptions options of every child JVM (heap, GC)
 * @param startTimeout how long one start may take before it fails
 */
public record LocalClusterOptions(
    int brokers,
    String kafkaVersion,
    Map<String, String> saslUsers,
    Map<String, String> brokerOverrides,
    List<String> jvmOptions,
    Duration startTimeout) {

  /** Small-footprint options for a test broker's JVM. */
  public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
      "-Xms64m",
      "-Xmx384m",
      "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1",
      "-XX:-UsePerfData",
      "-XX:+ExitOnOutOfMemoryError",
      "-Djava.awt.headless=true",
      "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
      "-Dorg.slf4j.simpleLogger.showDateTime=true",
      "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");

  public LocalClusterOptions {
    saslUsers = Map.copyOf(saslUsers);
    brokerOverrides = Collections.unmodifiableMap(new TreeMap<>(brokerOverrides));
    jvmOptions = List.copyOf(jvmOptions);
  }
}
