package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static io.sluice.runtime.internals.Fixture.SER;
import static io.sluice.runtime.internals.Fixture.bytes;
import static io.sluice.runtime.internals.Fixture.pipe;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StoreBuilder;
import io.sluice.state.Stores;
import io.sluice.state.TaskId;
import io.sluice.state.internals.CachedStateStore;
import io.sluice.state.internals.ThreadCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processor API stores built with caching, run by the engine through the driver and a task. */
class CachingEngineTest {
  private static final String COUNTS_LOG = "sluice-test-driver-counts-changelog";
  private static final String MIRROR_LOG = "sluice-test-driver-mirror-changelog";

  @TempDir Path stateDir;
  private SyncDriver driver;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  private static StoreBuilder<KeyValueStore<String, Long>> cached(String name) {
    return Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.Long())
        .withCachingEnabled();
  }

  /**
   * Writes each key twice per record (a placeholder, then the count) into "counts" and forwards
   * what the cache flushes, as "old->new", instead of forwarding as it processes.
   */
  static final class CachedCounter implements Processor<String, String, String, String> {
    private KeyValueStore<String, Long> store;

    @Override
    public void init(ProcessorContext<String, String> context) {
      store = context.getStateStore("counts");
      // keyValueStoreBuilder(String, Long) builds a store whose flushed updates are String/Long
      @SuppressWarnings("unchecked")
      CachedStateStore<String, Long> cachedStore = (CachedStateStore<String, Long>) store;
      cachedStore.setFlushListener(
          (key, newValue, oldValue, timestamp) ->
              context.forward(new Record<>(key, oldValue + "->" + newValue, timestamp)),
          true);
    }

    @Override
    public void process(Record<String, String> record) {
      Long old = store.get(record.key());
      store.put(record.key(), -1L);
      store.put(record.key(), old == null ? 1 : old + 1);
    }
  }

  /** Keeps the length of every value it gets in "mirror" and forwards it unchanged. */
  static final class Mirror implements Processor<String, String, String, String> {
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Long> store;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
      store = context.getStateStore("mirror");
    }

    @Override
    public void process(Record<String, String> record) {
      store.put(record.key(), (long) record.value().length());
      context.forward(record);
    }
  }

  private static Topology topology() {
    return new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("count", CachedCounter::new, "src")
        .addProcessor("mirror-proc", Mirror::new, "count")
        .addStateStore(cached("counts"), "count")
        .addStateStore(cached("mirror"), "mirror-proc")
        .addSink("out", "out", SER, SER, "mirror-proc");
  }

  private List<String> drain(String topic) {
    List<String> out = new ArrayList<>();
    ProducerRecord<byte[], byte[]> r;
    while ((r = driver.readOutput(topic)) != null) {
      String value = topic.endsWith("-changelog")
          ? (r.value() == null ? "null" : Long.toString(
              new LongDeserializer().deserialize(topic, r.value())))
          : Fixture.string(r.value());
      out.add(Fixture.string(r.key()) + "=" + value + "@" + r.timestamp());
    }
    return out;
  }

  @Test
  void eachPipedRecordIsFlushedOnceWithItsOwnTimestampAndDownstreamCachesFlushInTheSameCommit() {
    driver = new SyncDriver(topology(), new Properties(), 0L);
    pipe(driver, "in", "a", "x", 1);
    pipe(driver, "in", "b", "x", 2);
    assertThat(drain(MIRROR_LOG)).as("the downstream cache flushed in each commit")
        .containsExactly("a=7@1", "b=7@2");
    pipe(driver, "in", "a", "x", 3);

    assertThat(drain(COUNTS_LOG)).as("two puts per record, one changelog record")
        .containsExactly("a=1@1", "b=1@2", "a=2@3");
    assertThat(drain("out")).containsExactly("a=null->1@1", "b=null->1@2", "a=1->2@3");
    assertThat(drain(MIRROR_LOG)).containsExactly("a=4@3");
    KeyValueStore<String, Long> counts = storeOf("counts");
    assertThat(counts.get("a")).isEqualTo(2L);
  }

  @Test
  void aZeroByteCacheWritesEveryUpdateThrough() {
    Properties props = new Properties();
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES, "0");
    driver = new SyncDriver(topology(), props, 0L);
    pipe(driver, "in", "a", "x", 1);
    pipe(driver, "in", "a", "x", 2);
    assertThat(drain(COUNTS_LOG)).containsExactly("a=-1@1", "a=1@1", "a=-1@2", "a=2@2");
    assertThat(drain("out"))
        .containsExactly("a=null->-1@1", "a=-1->1@1", "a=1->-1@2", "a=-1->2@2");
  }

  @Test
  void aDirtyCloseDropsUnflushedWritesAndACommitSendsThem() {
    Metrics metrics = new Metrics();
    try (ThreadCache cache = new ThreadCache(1 << 20, metrics, "t")) {
      List<String> sent = new ArrayList<>();
      StreamsConfig config = new StreamsConfig(Map.of(StreamsConfig.APPLICATION_ID, "app",
          StreamsConfig.STATE_DIR, stateDir.toString()));
      TaskFactory factory = new TaskFactory(InternalTopologyBuilder.of(topology()),
          EngineConfig.from(config, metrics), new StateDirectory(stateDir.toString(), "app"),
          new ManualTime(0L), name -> null, cache);
      RecordCollector collector =
          new DriverRecordCollector((t, p, ts, k, v, h) -> {
            sent.add(t);
            return 0L;
          });
      TopicPartition in = new TopicPartition("in", 0);

      StreamTask committed = factory.create(new TaskId(0, 0), Set.of(in), collector);
      committed.initializeIfNeeded();
      committed.completeRestoration();
      committed.addRecords(in, List.of(record(0)));
      assertThat(committed.process(0L)).isTrue();
      assertThat(sent).isEmpty();
      committed.prepareCommit();
      assertThat(sent).as("counts flushes, forwards, then the downstream cache flushes")
          .containsExactly("app-counts-changelog", "out", "app-mirror-changelog");
      committed.closeClean();

      sent.clear();
      StreamTask failed = factory.create(new TaskId(0, 1), Set.of(in), collector);
      failed.initializeIfNeeded();
      failed.completeRestoration();
      failed.addRecords(in, List.of(record(1)));
      assertThat(failed.process(0L)).isTrue();
      assertThat(cache.entries()).isPositive();
      failed.closeDirty();
      assertThat(sent).as("nothing unflushed reaches a changelog").isEmpty();
      assertThat(cache.entries()).isZero();
    } finally {
      metrics.close();
    }
  }

  private static ConsumerRecord<byte[], byte[]> record(long offset) {
    return new ConsumerRecord<>("in", 0, offset, 5L, TimestampType.CREATE_TIME, 1, 1, bytes("k"),
        bytes("v"), new RecordHeaders(), Optional.empty());
  }

  private KeyValueStore<String, Long> storeOf(String name) {
    // the stores of this topology are KeyValueStore<String, Long>
    @SuppressWarnings("unchecked")
    KeyValueStore<String, Long> store = (KeyValueStore<String, Long>) driver.stateStore(name);
    return store;
  }
}
