package io.sluice.it.harness;

import io.sluice.runtime.StreamsConfig;
import io.sluice.testkit.KafkaCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Settings shared by the integration tests: fast failure detection (session timeout 6 s,
 * heartbeat 0.5 s), short commit intervals, and the size factor of the {@code -Pchaos} profile.
 */
public final class ItSettings {
  /** Session timeout of every application's consumers, in ms. */
  public static final int SESSION_TIMEOUT_MS = 6_000;
  private static final AtomicInteger IDS = new AtomicInteger();

  private ItSettings() {}

  /** 5 under {@code -Pchaos} (system property {@code sluice.chaos=true}), else 1. */
  public static int scale() {
    return Boolean.getBoolean("sluice.chaos") ? 5 : 1;
  }

  /** A name unique in this JVM and across runs on a shared broker. */
  public static String unique(String base) {
    return base + "-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36) + "-"
        + IDS.incrementAndGet();
  }

  /**
   * An application's settings: the cluster's client settings (bootstrap servers and, with SASL,
   * credentials, all unprefixed), one stream thread, the guarantee, {@code commit.interval.ms}
   * 100, and fast group failure detection.
   */
  public static Properties app(KafkaCluster kafka, String applicationId, Path stateDir,
      String guarantee) {
    Properties props = new Properties();
    kafka.clientProperties().forEach((k, v) -> props.setProperty(k, String.valueOf(v)));
    props.setProperty(StreamsConfig.APPLICATION_ID, applicationId);
    props.setProperty(StreamsConfig.STATE_DIR, stateDir.toString());
    props.setProperty(StreamsConfig.PROCESSING_GUARANTEE, guarantee);
    props.setProperty(StreamsConfig.COMMIT_INTERVAL_MS, "100");
    props.setProperty(StreamsConfig.NUM_STREAM_THREADS, "1");
    props.setProperty("session.timeout.ms", Integer.toString(SESSION_TIMEOUT_MS));
    props.setProperty("heartbeat.interval.ms", "500");
    return props;
  }

  /** Writes {@code props} to {@code file} (for a child JVM) and returns the file's path. */
  public static String write(Properties props, Path file) {
    try {
      Files.createDirectories(file.getParent());
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        props.store(writer, "integration test application");
      }
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
