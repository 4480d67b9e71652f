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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A global store on a real broker: its whole topic (every partition) is restored through the
 * store's processor before any stream record is processed, and later updates apply live.
 */
@Timeout(120)
class GlobalStoreIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  private static final AtomicInteger APPS = new AtomicInteger();

  @TempDir Path stateDir;

  /** Writes each global record into the store, upper-cased (a transformation on the way). */
  private static final class Loader implements Processor<String, String, Void, Void> {
    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore("names");
    }

    @Override
    public void process(Record<String, String> record) {
      store.put(record.key(), record.value().toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Enriches each order id with the name the global store holds for its key. */
  private static final class Enricher implements Processor<String, String, String, String> {
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> names;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
      this.names = context.getStateStore("names");
    }

    @Override
    public void process(Record<String, String> record) {
      context.forward(record.withValue(record.value() + "=" + names.get(record.key())));
    }
  }

  @Test
  void theGlobalStoreIsRestoredBeforeProcessingAndUpdatedLive() {
    KafkaCluster kafka = KAFKA.cluster();
    String appId = "global-" + APPS.incrementAndGet();
    String globalTopic = kafka.createTopic(appId + "-names", 3, 1, Map.of());
    String orders = kafka.createTopic(appId + "-orders", 2, 1, Map.of());
    String output = kafka.createTopic(appId + "-output", 1, 1, Map.of());
    List<KeyValue<String, String>> names = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      names.add(new KeyValue<>("c" + i, "name" + i));
    }
    kafka.produce(globalTopic, names, new StringSerializer(), new StringSerializer());
    kafka.produce(orders, List.of(new KeyValue<>("c7", "o1"), new KeyValue<>("c23", "o2")),
        new StringSerializer(), new StringSerializer());

    Topology topology = new Topology()
        .addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("names"),
                Serdes.String(), Serdes.String()).withLoggingDisabled(), "names-source", null,
            new StringDeserializer(), new StringDeserializer(), globalTopic, "loader",
            Loader::new)
        .addSource("orders", new StringDeserializer(), new StringDeserializer(), orders)
        .addProcessor("enrich", Enricher::new, "orders")
        .addSink("out", output, new StringSerializer(), new StringSerializer(), "enrich");
    Properties props = new Properties();
    props.putAll(kafka.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID, appId);
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS, 100L);
    props.put("consumer.session.timeout.ms", 6000);
    props.put("consumer.heartbeat.interval.ms", 500);
    try (StreamsApp app = new StreamsApp(topology, props)) {
      app.start();
      List<ConsumerRecord<String, String>> first = kafka.consume(output, 2,
          Duration.ofSeconds(60), new StringDeserializer(), new StringDeserializer());
      assertThat(values(first)).containsExactlyInAnyOrder("o1=NAME7", "o2=NAME23");

      kafka.produce(globalTopic, List.of(new KeyValue<>("c7", "renamed")),
          new StringSerializer(), new StringSerializer());
      KafkaCluster.waitUntil(() -> {
        kafka.produce(orders, List.of(new KeyValue<>("c7", "probe")), new StringSerializer(),
            new StringSerializer());
        return values(kafka.consume(output, 3, Duration.ofSeconds(30), new StringDeserializer(),
            new StringDeserializer())).contains("probe=RENAMED");
      }, Duration.ofSeconds(60), "a later global update reaches the store");
      assertThat(app.close(Duration.ofSeconds(30))).isTrue();
    }
  }

  private static List<String> values(List<ConsumerRecord<String, String>> records) {
    List<String> values = new ArrayList<>();
    records.forEach(r -> values.add(r.value()));
    return values;
  }
}
