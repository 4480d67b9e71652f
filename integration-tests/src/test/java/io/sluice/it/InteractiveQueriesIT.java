package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.it.harness.InProcessApps;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.runtime.HostInfo;
import io.sluice.runtime.KeyQueryMetadata;
import io.sluice.runtime.LagInfo;
import io.sluice.runtime.QueryableStoreTypes;
import io.sluice.runtime.StoreQueryParameters;
import io.sluice.runtime.StoreRebalancingException;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsMetadata;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.ReadOnlyKeyValueStore;
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
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interactive queries on a real broker: three instances (one standby each task) count records
 * per key; for every key, the metadata names the instance whose local store answers it with the
 * expected count, the other instances' active views do not have it, and a standby read (stale
 * stores enabled) on the named standby host answers it too once caught up.
 */
@Timeout(300)
class InteractiveQueriesIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  @RegisterExtension final InProcessApps apps = new InProcessApps();
  private static final int KEYS = 60;
  private static final int PER_KEY = 5;
  private static final String STORE = "counts";

  @TempDir Path stateDir;

  /** Counts records per key in store "counts". */
  static final class Counter implements Processor<String, String, String, Long> {
    private ProcessorContext<String, Long> context;
    private KeyValueStore<String, Long> store;

    @Override
    public void init(ProcessorContext<String, Long> context) {
      this.context = context;
      this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      Long old = store.get(record.key());
      long count = old == null ? 1 : old + 1;
      store.put(record.key(), count);
      context.forward(record.withValue(count));
    }
  }

  static Topology topology(String input, String output) {
    Topology topology = new Topology();
    topology.addSource("in", new StringDeserializer(), new StringDeserializer(), input);
    topology.addProcessor("count", Counter::new, "in");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Long()), "count");
    topology.addSink("out", output, new StringSerializer(), new LongSerializer(), "count");
    return topology;
  }

  private Properties props(String appId, int port) {
    Properties props = new Properties();
    props.putAll(KAFKA.cluster().clientProperties());
    props.put(StreamsConfig.APPLICATION_ID, appId);
    props.put(StreamsConfig.STATE_DIR, stateDir.resolve("i" + port).toString());
    props.put(StreamsConfig.APPLICATION_SERVER, "localhost:" + port);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS, 200L);
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS, 1);
    props.put("consumer.session.timeout.ms", 10_000);
    props.put("consumer.heartbeat.interval.ms", 500);
    return props;
  }

  @Test
  void everyKeysMetadataNamesTheInstanceThatAnswersIt() {
    KafkaCluster kafka = KAFKA.cluster();
    String appId = "iq-" + System.nanoTime();
    String input = kafka.createTopic(appId + "-input", 6, 1, Map.of());
    String output = kafka.createTopic(appId + "-output", 6, 1, Map.of());
    List<KeyValue<String, String>> records = new ArrayList<>();
    for (int i = 0; i < KEYS * PER_KEY; i++) {
      records.add(new KeyValue<>("key-" + (i % KEYS), "v" + i));
    }
    kafka.produce(input, records, new StringSerializer(), new StringSerializer());

    Map<Integer, StreamsApp> byPort = new HashMap<>();
    List<InProcessApps.Instance> instances = new ArrayList<>();
    for (int port = 7001; port <= 7003; port++) {
      InProcessApps.Instance instance = apps.create("iq-" + port, topology(input, output),
          props(appId, port)).start();
      instances.add(instance);
      byPort.put(port, instance.app());
    }
    instances.forEach(i -> i.awaitRunning(Duration.ofSeconds(120)));

    StoreQueryParameters<ReadOnlyKeyValueStore<String, Long>> active =
        StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.keyValueStore());
    Map<String, String> lastProblem = new HashMap<>();
    KafkaCluster.waitUntil(() -> {
      try {
        for (int k = 0; k < KEYS; k++) {
          String key = "key-" + k;
          KeyQueryMetadata meta = byPort.get(7001).queryMetadataForKey(STORE, key,
              Serdes.String().serializer());
          if (meta.activeHost().equals(HostInfo.UNAVAILABLE)
              || !byPort.containsKey(meta.activeHost().port())) {
            lastProblem.put("problem", key + " has no active host: " + meta);
            return false;
          }
          Long answer = byPort.get(meta.activeHost().port()).store(active).get(key);
          if (answer == null || answer != PER_KEY) {
            lastProblem.put("problem", key + " on " + meta.activeHost() + " = " + answer);
            return false;
          }
        }
        return true;
      } catch (StoreRebalancingException e) {
        lastProblem.put("problem", e.getMessage());
        return false;
      }
    }, Duration.ofSeconds(120), "every key answered with its count by its active host: "
        + lastProblem);

    // Stable now: check every instance's view against the metadata, key by key.
    for (int k = 0; k < KEYS; k++) {
      String key = "key-" + k;
      KeyQueryMetadata meta = byPort.get(7002).queryMetadataForKey(STORE, key,
          Serdes.String().serializer());
      assertThat(byPort.get(7003).queryMetadataForKey(STORE, key, Serdes.String().serializer()))
          .isEqualTo(meta);
      assertThat(meta.standbyHosts()).hasSize(1).doesNotContain(meta.activeHost());
      for (Map.Entry<Integer, StreamsApp> e : byPort.entrySet()) {
        Long answer = e.getValue().store(active).get(key);
        if (e.getKey() == meta.activeHost().port()) {
          assertThat(answer).as("%s on its active host %s", key, e.getKey()).isEqualTo(PER_KEY);
        } else {
          assertThat(answer).as("%s on %s, not its active host", key, e.getKey()).isNull();
        }
      }
    }
    int total = 0;
    for (StreamsApp app : byPort.values()) {
      try (KeyValueIterator<String, Long> all = app.store(active).all()) {
        while (all.hasNext()) {
          assertThat(all.next().value()).isEqualTo(PER_KEY);
          total++;
        }
      }
    }
    assertThat(total).isEqualTo(KEYS);

    // Standby copies answer with stale stores enabled once caught up; their lag is visible.
    KafkaCluster.waitUntil(() -> {
      for (int k = 0; k < KEYS; k++) {
        String key = "key-" + k;
        KeyQueryMetadata meta = byPort.get(7001).queryMetadataForKey(STORE, key,
            Serdes.String().serializer());
        HostInfo standby = meta.standbyHosts().iterator().next();
        Long answer = byPort.get(standby.port()).store(active.enableStaleStores()).get(key);
        if (answer == null || answer != PER_KEY) {
          return false;
        }
      }
      return true;
    }, Duration.ofSeconds(60), "every key readable on its standby host");
    int copies = 0;
    for (StreamsApp app : byPort.values()) {
      Map<String, Map<Integer, LagInfo>> lags = app.allLocalStorePartitionLags();
      assertThat(lags).containsKey(STORE);
      assertThat(lags.get(STORE).values()).allSatisfy(lag -> assertThat(lag.offsetLag())
          .isEqualTo(Math.max(0, lag.endOffsetPosition() - lag.currentOffsetPosition())));
      copies += lags.get(STORE).size();
    }
    assertThat(copies).as("6 active and 6 standby copies").isEqualTo(12);

    List<StreamsMetadata> all = new ArrayList<>(byPort.get(7001).metadataForAllStreamsClients());
    assertThat(all).extracting(m -> m.hostInfo().port())
        .containsExactlyInAnyOrder(7001, 7002, 7003);
    assertThat(all).allSatisfy(m -> {
      assertThat(m.stateStoreNames()).containsExactly(STORE);
      assertThat(m.topicPartitions()).hasSize(2);
    });
    assertThat(all.stream().mapToInt(m -> m.standbyTopicPartitions().size()).sum()).isEqualTo(6);
    assertThat(byPort.get(7001).streamsMetadataForStore(STORE)).hasSize(3);
  }
}
