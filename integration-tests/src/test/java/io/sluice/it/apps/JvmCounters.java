package io.sluice.it.apps;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters the test topologies keep per JVM (records processed, state found at start), which a
 * child application reports to its test through {@link ChildRunner}.
 */
public final class JvmCounters {
  private static final Map<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();

  private JvmCounters() {}

  /** Adds {@code delta} to counter {@code name} (created at 0). */
  public static void add(String name, long delta) {
    COUNTERS.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(delta);
  }

  /** A sorted copy of every counter's value. */
  public static Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    COUNTERS.forEach((name, value) -> copy.put(name, value.get()));
    return copy;
  }
}
