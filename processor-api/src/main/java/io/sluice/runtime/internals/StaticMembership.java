package io.sluice.runtime.internals;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Static group membership for stream threads: a {@code group.instance.id} the user sets (plain,
 * or with the {@code consumer.} / {@code main.consumer.} prefix) is made unique per thread as
 * {@code <id>-<threadIndex>}, so each thread's main consumer is its own static member and a
 * restarted instance takes its members' places again without a rebalance (within {@code
 * session.timeout.ms}).
 */
public final class StaticMembership {
  private StaticMembership() {}

  /**
   * Suffixes the main consumer's {@code group.instance.id} in {@code mainConsumerConfig} with the
   * thread index; no-op when none is set.
   *
   * @throws IllegalArgumentException if the id is blank, naming the setting
   */
  public static void perThread(Map<String, Object> mainConsumerConfig, int threadIndex) {
    Object id = mainConsumerConfig.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    if (id == null) {
      return;
    }
    String base = String.valueOf(id).trim();
    if (base.isEmpty()) {
      throw new IllegalArgumentException(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG
          + " is blank; remove it for dynamic membership or set a stable id per instance");
    }
    mainConsumerConfig.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, base + "-" + threadIndex);
  }
}
