package io.sluice.it.harness;

import io.sluice.runtime.KafkaClientSupplier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Creates the default kafka-clients instances and remembers the configuration each kind of
 * client (admin, producer, consumer, restore, global) was created with.
 */
public final class RecordingClientSupplier implements KafkaClientSupplier {
  private final KafkaClientSupplier delegate = KafkaClientSupplier.defaults();
  private final Map<String, List<Map<String, Object>>> configs = new ConcurrentHashMap<>();

  private void record(String kind, Map<String, Object> config) {
    configs.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(new HashMap<>(config));
  }

  /** The configurations seen per kind: admin, producer, consumer, restore, global. */
  public Map<String, List<Map<String, Object>>> configs() {
    return Map.copyOf(configs);
  }

  @Override
  public Admin getAdmin(Map<String, Object> config) {
    record("admin", config);
    return delegate.getAdmin(config);
  }

  @Override
  public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
    record("producer", config);
    return delegate.getProducer(config);
  }

  @Override
  public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
    record("consumer", config);
    return delegate.getConsumer(config);
  }

  @Override
  public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
    record("restore", config);
    return delegate.getRestoreConsumer(config);
  }

  @Override
  public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
    record("global", config);
    return delegate.getGlobalConsumer(config);
  }
}
