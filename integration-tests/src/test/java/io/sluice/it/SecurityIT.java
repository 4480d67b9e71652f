package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.it.apps.PassThroughMain;
import io.sluice.it.harness.ChildJvm;
import io.sluice.it.harness.ChildJvms;
import io.sluice.it.harness.ChildProtocol;
import io.sluice.it.harness.ErrorLog;
import io.sluice.it.harness.InProcessApps;
import io.sluice.it.harness.ItSettings;
import io.sluice.it.harness.OutputWatcher;
import io.sluice.it.harness.RecordingClientSupplier;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
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
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a cluster whose only listener is SASL/PLAIN: credentials given once, unprefixed, reach
 * every internal client (admin, producer, main, restore and global consumers) and the
 * application works; a wrong password puts it in ERROR with a message naming authentication.
 */
class SecurityIT {
  @RegisterExtension
  static final KafkaClusterExtension KAFKA = KafkaClusterExtension.with(
      KafkaCluster.builder().saslUser("alice", "alice-secret").saslUser("bob", "bob-secret"));
  @RegisterExtension final InProcessApps apps = new InProcessApps();
  @RegisterExtension final ChildJvms children = new ChildJvms();
  @TempDir Path tmp;

  @BeforeEach
  void names(TestInfo info) {
    children.naming(getClass(), info.getDisplayName());
  }

  /** Input to a count store, and a global table read by every instance. */
  private static Topology topology(String input, String globals, String output) {
    StringSerializer ser = new StringSerializer();
    return new Topology()
        .addSource("in", new StringDeserializer(), new StringDeserializer(), input)
        .addProcessor("count", Count::new, "in")
        .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("counts"),
            Serdes.String(), Serdes.Long()), "count")
        .addSink("out", output, ser, ser, "count")
        .addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("globals"),
            Serdes.String(), Serdes.String()).withLoggingDisabled(), "globals-source", null,
            new StringDeserializer(), new StringDeserializer(), globals, "globals-writer",
            GlobalWriter::new);
  }

  private static final class Count implements Processor<String, String, String, String> {
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Long> store;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
      this.store = context.getStateStore("counts");
    }

    @Override
    public void process(Record<String, String> record) {
      Long old = store.get(record.key());
      long count = old == null ? 1 : old + 1;
      store.put(record.key(), count);
      context.forward(record.withValue(Long.toString(count)));
    }
  }

  private static final class GlobalWriter implements Processor<String, String, Void, Void> {
    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      this.store = context.getStateStore("globals");
    }

    @Override
    public void process(Record<String, String> record) {
      store.put(record.key(), record.value());
    }
  }

  @Test
  void credentialsGivenOnceReachEveryInternalClient() {
    KafkaCluster kafka = KAFKA.cluster();
    String app = ItSettings.unique("sasl-ok");
    String input = kafka.createTopic(app + "-in", 2, 1, Map.of());
    String globals = kafka.createTopic(app + "-globals", 1, 1, Map.of());
    String output = kafka.createTopic(app + "-out", 2, 1, Map.of());
    kafka.produce(globals, List.of(KeyValue.pair("g", "1")), new StringSerializer(),
        new StringSerializer());
    List<KeyValue<String, String>> records = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      records.add(KeyValue.pair("k" + i % 5, "v" + i));
    }
    kafka.produce(input, records, new StringSerializer(), new StringSerializer());

    Properties props =
        ItSettings.app(kafka, app, tmp.resolve("state-ok"), StreamsConfig.EXACTLY_ONCE_V2);
    Map<String, Object> credentials = kafka.saslClientProperties("bob", "bob-secret");
    credentials.forEach((k, v) -> props.setProperty(k, String.valueOf(v)));
    RecordingClientSupplier clients = new RecordingClientSupplier();
    InProcessApps.Instance instance =
        apps.create("sasl", topology(input, globals, output), props, clients).start();
    instance.awaitRunning(Duration.ofSeconds(90));
    try (OutputWatcher counts = new OutputWatcher(kafka, output)) {
      counts.awaitLatest(Map.of("k0", "20", "k1", "20", "k2", "20", "k3", "20", "k4", "20"),
          Duration.ofSeconds(60));
    }
    Map<String, List<Map<String, Object>>> seen = clients.configs();
    assertThat(seen).as("kinds of clients created")
        .containsKeys("admin", "producer", "consumer", "restore", "global");
    seen.forEach((kind, configs) -> configs.forEach(config -> {
      assertThat(String.valueOf(config.get("security.protocol")))
          .as("security.protocol of a %s client", kind).isEqualTo("SASL_PLAINTEXT");
      assertThat(String.valueOf(config.get("sasl.mechanism")))
          .as("sasl.mechanism of a %s client", kind).isEqualTo("PLAIN");
      assertThat(String.valueOf(config.get("sasl.jaas.config")))
          .as("sasl.jaas.config of a %s client", kind).contains("bob");
    }));
    assertThat(instance.uncaught()).isEmpty();
  }

  @Test
  void aWrongPasswordEndsInErrorNamingAuthentication() {
    KafkaCluster kafka = KAFKA.cluster();
    String app = ItSettings.unique("sasl-bad");
    String input = kafka.createTopic(app + "-in", 1, 1, Map.of());
    String output = kafka.createTopic(app + "-out", 1, 1, Map.of());
    Properties props = ItSettings.app(kafka, app, tmp.resolve("state-bad"),
        StreamsConfig.AT_LEAST_ONCE);
    kafka.saslClientProperties("alice", "not-the-password")
        .forEach((k, v) -> props.setProperty(k, String.valueOf(v)));
    props.setProperty("it.inputs", input);
    props.setProperty("it.output", output);
    long began = System.nanoTime();
    ChildJvm child = children.start("bad-password", PassThroughMain.class,
        ItSettings.write(props, tmp.resolve("bad.properties")));
    child.awaitLine(ChildProtocol.stateLine("ERROR"), Duration.ofSeconds(90), "state ERROR");
    System.out.printf("wrong password: ERROR after %.1f s%n", (System.nanoTime() - began) / 1e9);
    assertThat(ErrorLog.errorLines(child)).as("error lines of %s", child.logFile())
        .anyMatch(line -> line.toLowerCase(Locale.ROOT).contains("authentication"));
  }
}
