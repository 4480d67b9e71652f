package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime end to end on a real broker: a Processor API topology counting words per key in a
 * logged RocksDB store runs under at-least-once and exactly-once; every count arrives, and a
 * restarted instance continues from the committed state.
 */
@Timeout(180)
class StreamsAppSmokeIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  private static final AtomicInteger APPS = new AtomicInteger();
  private static final int KEYS = 10;

  @TempDir Path stateDir;

  /** Counts records per key in store "counts" and forwards each new count. */
  private static final class Counter implements Processor<String, String, String, Long> {
    private ProcessorContext<String, Long> context;
    private KeyValueStore<String, Long> store;

    @Override
    public void init(ProcessorContext<String, Long> context) {
      this.context = context;
      this.store = context.getStateStore("counts");
    }

    @Override
    public void process(Record<String, String> record) {
      Long old = store.get(record.key());
      long count = old == null ? 1 : old + 1;
      store.put(record.key(), count);
      context.forward(record.withValue(count));
    }
  }

  private static Topology topology(String input, String output) {
    Topology topology = new Topology();
    topology.addSource("in", new StringDeserializer(), new StringDeserializer(), input);
    topology.addProcessor("count", Counter::new, "in");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore("counts"), Serdes.String(), Serdes.Long()), "count");
    topology.addSink("out", output, new StringSerializer(), new LongSerializer(), "count");
    return topology;
  }

  private Properties props(String appId, String guarantee) {
    KafkaCluster kafka = KAFKA.cluster();
    Properties props = new Properties();
    props.putAll(kafka.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID, appId);
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE, guarantee);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS, 200L);
    props.put("consumer.session.timeout.ms", 6000);
    props.put("consumer.heartbeat.interval.ms", 500);
    return props;
  }

  @ParameterizedTest
  @ValueSource(strings = {StreamsConfig.AT_LEAST_ONCE, StreamsConfig.EXACTLY_ONCE_V2})
  void countsEveryRecordAndResumesAfterRestart(String guarantee) {
    KafkaCluster kafka = KAFKA.cluster();
    String appId = "smoke-" + guarantee.replace('_', '-') + "-" + APPS.incrementAndGet();
    String input = kafka.createTopic(appId + "-input", 2, 1, Map.of());
    String output = kafka.createTopic(appId + "-output", 2, 1, Map.of());
    produce(kafka, input, 0, 100);

    runUntilCounted(appId, guarantee, input, output, 100);
    produce(kafka, input, 100, 200);
    Map<String, Long> finals = runUntilCounted(appId, guarantee, input, output, 200);

    for (int k = 0; k < KEYS; k++) {
      assertThat(finals).containsEntry("key-" + k, 20L);
    }
  }

  private static void produce(KafkaCluster kafka, String topic, int from, int to) {
    List<KeyValue<String, String>> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add(new KeyValue<>("key-" + (i % KEYS), "v" + i));
    }
    kafka.produce(topic, records, new StringSerializer(), new StringSerializer());
  }

  /** Runs an instance until the output holds the count {@code total / KEYS} for every key. */
  private Map<String, Long> runUntilCounted(
      String appId, String guarantee, String input, String output, int total) {
    KafkaCluster kafka = KAFKA.cluster();
    List<StreamsApp.State> states = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (StreamsApp app = new StreamsApp(topology(input, output), props(appId, guarantee))) {
      app.setStateListener((now, old) -> states.add(now));
      app.start();
      KafkaCluster.waitUntil(() -> app.state() == StreamsApp.State.RUNNING,
          Duration.ofSeconds(60), "the app reaches RUNNING (states so far: " + states + ")");
      List<ConsumerRecord<String, Long>> out = kafka.consume(output, total, Duration.ofSeconds(60),
          new StringDeserializer(), new LongDeserializer());
      Map<String, Long> latest = new HashMap<>();
      out.forEach(r -> latest.merge(r.key(), r.value(), Math::max));
      assertThat(latest).hasSize(KEYS).allSatisfy((k, v) -> assertThat(v).isEqualTo(total / KEYS));
      assertThat(app.close(Duration.ofSeconds(30))).isTrue();
      assertThat(app.state()).isEqualTo(StreamsApp.State.NOT_RUNNING);
      if (StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee)) {
        assertThat(out).hasSize(total);
      }
      return latest;
    }
  }

  @org.junit.jupiter.api.Test
  void threadsCanBeAddedAndRemovedWhileRunning() {
    KafkaCluster kafka = KAFKA.cluster();
    String appId = "smoke-threads-" + APPS.incrementAndGet();
    String input = kafka.createTopic(appId + "-input", 4, 1, Map.of());
    String output = kafka.createTopic(appId + "-output", 4, 1, Map.of());
    produce(kafka, input, 0, 100);
    try (StreamsApp app = new StreamsApp(topology(input, output),
        props(appId, StreamsConfig.AT_LEAST_ONCE))) {
      app.start();
      KafkaCluster.waitUntil(() -> app.state() == StreamsApp.State.RUNNING,
          Duration.ofSeconds(60), "the app runs");
      assertThat(app.addStreamThread()).hasValueSatisfying(
          name -> assertThat(name).endsWith("-StreamThread-2"));
      produce(kafka, input, 100, 200);
      KafkaCluster.waitUntil(() -> app.state() == StreamsApp.State.RUNNING,
          Duration.ofSeconds(60), "the app runs with two threads");
      assertThat(app.removeStreamThread()).hasValueSatisfying(
          name -> assertThat(name).endsWith("-StreamThread-2"));
      produce(kafka, input, 200, 300);
      List<ConsumerRecord<String, Long>> out = kafka.consume(output, 300,
          Duration.ofSeconds(60), new StringDeserializer(), new LongDeserializer());
      Map<String, Long> latest = new HashMap<>();
      out.forEach(r -> latest.merge(r.key(), r.value(), Math::max));
      KafkaCluster.waitUntil(() -> {
        kafka.consume(output, 300, Duration.ofSeconds(10), new StringDeserializer(),
            new LongDeserializer()).forEach(r -> latest.merge(r.key(), r.value(), Math::max));
        return latest.size() == KEYS && latest.values().stream().allMatch(v -> v >= 30);
      }, Duration.ofSeconds(60), "every key counted 30 times: " + latest);
      assertThat(app.close(Duration.ofSeconds(30))).isTrue();
    }
  }
}
