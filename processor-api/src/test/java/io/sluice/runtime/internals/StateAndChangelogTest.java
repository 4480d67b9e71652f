package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static io.sluice.runtime.internals.Fixture.SER;
import static io.sluice.runtime.internals.Fixture.pipe;
import static io.sluice.runtime.internals.Fixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.processor.TopologyException;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StoreBuilder;
import io.sluice.state.Stores;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StateAndChangelogTest {
  private static final String CHANGELOG = "sluice-test-driver-counts-changelog";
  private SyncDriver driver;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  private static StoreBuilder<KeyValueStore<String, Long>> counts() {
    return Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long());
  }

  /** Counts records per key in store "counts" and forwards the count. */
  static final class Counter implements Processor<String, String, String, String> {
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

  private static Topology counting() {
    return new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("count", Counter::new, "src")
        .addStateStore(counts(), "count")
        .addSink("out", "out", SER, SER, "count");
  }

  @Test
  void storeWritesAreCapturedOnTheChangelogAndEqualTheStoreContents() {
    driver = new SyncDriver(counting(), new Properties(), 0L);
    pipe(driver, "in", "a", "x", 1);
    pipe(driver, "in", "b", "x", 2);
    pipe(driver, "in", "a", "x", 3);
    assertThat(read(driver, "out")).containsExactly("a=1@1", "b=1@2", "a=2@3");
    assertThat(driver.producedTopicNames()).containsExactlyInAnyOrder("out", CHANGELOG);

    Map<String, Long> fromChangelog = new HashMap<>();
    LongDeserializer longs = new LongDeserializer();
    ProducerRecord<byte[], byte[]> r;
    int changes = 0;
    while ((r = driver.readOutput(CHANGELOG)) != null) {
      fromChangelog.put(DE.deserialize(CHANGELOG, r.key()), longs.deserialize(CHANGELOG, r.value()));
      changes++;
    }
    assertThat(changes).isEqualTo(3);
    Map<String, Long> inStore = new HashMap<>();
    KeyValueStore<?, ?> store = (KeyValueStore<?, ?>) driver.stateStore("counts");
    try (KeyValueIterator<?, ?> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<?, ?> kv = all.next();
        inStore.put((String) kv.key(), (Long) kv.value());
      }
    }
    assertThat(inStore).isEqualTo(fromChangelog).containsEntry("a", 2L).containsEntry("b", 1L);
  }

  @Test
  void suppliersCanBringTheirOwnStores() {
    ProcessorSupplier<String, String, String, String> supplier = new ProcessorSupplier<>() {
      @Override
      public Processor<String, String, String, String> get() {
        return new Counter();
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(counts().withLoggingDisabled());
      }
    };
    driver = new SyncDriver(new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("count", supplier, "src")
        .addSink("out", "out", SER, SER, "count"), new Properties(), 0L);
    pipe(driver, "in", "a", "x", 1);
    pipe(driver, "in", "a", "x", 1);
    assertThat(read(driver, "out")).containsExactly("a=1@1", "a=2@1");
    assertThat(driver.producedTopicNames()).containsExactly("out");
  }

  @Test
  void aStoreNotConnectedToTheProcessorIsAnErrorNamingBothAndTheFix() {
    Topology topology = new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("owner", Counter::new, "src")
        .addProcessor("stranger", Counter::new, "src")
        .addStateStore(counts(), "owner");
    assertThatThrownBy(() -> driver = new SyncDriver(topology, new Properties(), 0L))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Processor 'stranger' asked for store 'counts', which is not connected to it"
            + " (connected: []); connect it with Topology.addStateStore(builder, \"stranger\") or"
            + " connectProcessorAndStateStores(\"stranger\", \"counts\")");
  }

  @Test
  void globalStoresAreFedFromTheirTopicAndReadableByEveryProcessor() {
    Topology topology = new Topology()
        .addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("names"),
                Serdes.String(), Serdes.String()).withLoggingDisabled(),
            "names-src", null, DE, DE, "names", "names-writer",
            () -> new Processor<String, String, Void, Void>() {
              private KeyValueStore<String, String> store;

              @Override
              public void init(ProcessorContext<Void, Void> context) {
                store = context.getStateStore("names");
              }

              @Override
              public void process(Record<String, String> record) {
                store.put(record.key(), record.value());
              }
            })
        .addSource("src", DE, DE, "in")
        .addProcessor("enrich", () -> Fixture.<String, String>processor((ctx, r) -> {
          KeyValueStore<String, String> names = ctx.getStateStore("names");
          ctx.forward(r.withValue(r.value() + ":" + names.get(r.key())));
        }), "src")
        .addSink("out", "out", SER, SER, "enrich");
    driver = new SyncDriver(topology, new Properties(), 0L);
    pipe(driver, "names", "1", "ann", 1);
    pipe(driver, "in", "1", "hello", 2);
    assertThat(read(driver, "out")).containsExactly("1=hello:ann@2");
    assertThat(driver.globalTask()).isPresent();
  }
}
