package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.Processor;
import io.sluice.processor.Record;
import io.sluice.processor.StreamPartitioner;
import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.EngineConfig;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import io.sluice.runtime.internals.ProcessorStateManager;
import io.sluice.runtime.internals.RecordCollector;
import io.sluice.runtime.internals.StateDirectory;
import io.sluice.runtime.internals.StoreChangelogReader;
import io.sluice.runtime.internals.StreamTask;
import io.sluice.runtime.internals.TaskFactory;
import io.sluice.runtime.internals.TaskState;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StateRestoreListener;
import io.sluice.state.Stores;
import io.sluice.state.TaskId;
import io.sluice.state.internals.RocksDBKeyValueBytesStoreSupplier;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restoration of an in-memory and a RocksDB key-value store from real changelog topics written
 * with committed and aborted transactions (whose markers take offsets) and a tombstone, through
 * {@link StoreChangelogReader} and a {@code read_committed} restore consumer.
 */
@Timeout(120)
class ChangelogRestoreIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

  private static final AtomicInteger APPS = new AtomicInteger();
  private static final TaskId TASK = new TaskId(0, 0);
  private static final Map<String, String> COMMITTED_STATE = Map.of("a", "1", "b", "22", "e", "5");
  /** Committed records of the three transactions below. */
  private static final int COMMITTED_RECORDS = 6;

  @TempDir Path stateDir;

  /** One listener event, flattened for assertions. */
  private record Event(String kind, String store, long a, long b) {}

  private static final class RecordingListener implements StateRestoreListener {
    final List<Event> events = new ArrayList<>();

    @Override
    public void onRestoreStart(TopicPartition tp, String store, long start, long end) {
      events.add(new Event("start", store, start, end));
    }

    @Override
    public void onBatchRestored(TopicPartition tp, String store, long batchEnd, long n) {
      events.add(new Event("batch", store, batchEnd, n));
    }

    @Override
    public void onRestoreEnd(TopicPartition tp, String store, long total) {
      events.add(new Event("end", store, total, 0));
    }

    List<Event> of(String store, String kind) {
      return events.stream().filter(e -> e.store().equals(store) && e.kind().equals(kind))
          .toList();
    }

    long batchTotal(String store) {
      return of(store, "batch").stream().mapToLong(Event::b).sum();
    }
  }

  /** A processor that ignores its input: the tasks here only restore. */
  private static final class Ignore implements Processor<String, String, Void, Void> {
    @Override
    public void process(Record<String, String> record) {}
  }

  /** Drops what tasks send (only a planted zombie write does), acknowledging nothing. */
  private static final class NoOutput implements RecordCollector {
    @Override
    public <K, V> void send(String topic, K key, V value, Headers headers, Integer partition,
        long timestamp, Serializer<K> keySerializer, Serializer<V> valueSerializer) {}

    @Override
    public <K, V> void send(String topic, K key, V value, Headers headers, long timestamp,
        Serializer<K> keySerializer, Serializer<V> valueSerializer,
        StreamPartitioner<? super K, ? super V> partitioner) {}

    @Override
    public void flush() {}

    @Override
    public Map<TopicPartition, Long> offsets() {
      return Map.of();
    }
  }

  /** An application on the shared broker, with its two changelog topics. */
  private final class App {
    final String id = "restore-it-" + APPS.incrementAndGet();
    final TopicPartition memChangelog =
        new TopicPartition(ProcessorStateManager.changelogTopic(id, "mem"), 0);
    final TopicPartition rocksChangelog =
        new TopicPartition(ProcessorStateManager.changelogTopic(id, "rocks"), 0);
    long middle;
    long end;

    App(KafkaCluster kafka) {
      this(kafka, "compact");
    }

    App(KafkaCluster kafka, String cleanupPolicy) {
      for (TopicPartition tp : List.of(memChangelog, rocksChangelog)) {
        kafka.createTopic(tp.topic(), 1, 1, Map.of("cleanup.policy", cleanupPolicy));
      }
      Map<String, Object> props = new HashMap<>(kafka.clientProperties());
      props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id + "-writer");
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
        producer.initTransactions();
        transaction(producer, true, "a", "1", "b", "2", "c", "3");
        middle = endOffset(kafka, rocksChangelog);
        transaction(producer, false, "a", "aborted", "d", "aborted");
        transaction(producer, true, "b", "22", "c", null, "e", "5");
      }
      end = endOffset(kafka, rocksChangelog);
      assertThat(end).as("8 records and 3 markers").isEqualTo(11);
      assertThat(middle).as("3 records and a commit marker").isEqualTo(4);
    }

    private void transaction(
        KafkaProducer<String, String> producer, boolean commit, String... keyValues) {
      producer.beginTransaction();
      for (int i = 0; i < keyValues.length; i += 2) {
        for (TopicPartition tp : List.of(memChangelog, rocksChangelog)) {
          producer.send(new ProducerRecord<>(tp.topic(), 0, keyValues[i], keyValues[i + 1]));
        }
      }
      if (commit) {
        producer.commitTransaction();
      } else {
        producer.flush();
        producer.abortTransaction();
      }
    }

    private long endOffset(KafkaCluster kafka, TopicPartition tp) {
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
          kafka.clientProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        return consumer.endOffsets(List.of(tp)).get(tp);
      }
    }

    Topology topology() {
      return new Topology()
          .addSource("src", new StringDeserializer(), new StringDeserializer(), id + "-in")
          .addProcessor("p", Ignore::new, "src")
          .addStateStore(Stores.keyValueStoreBuilder(
              Stores.inMemoryKeyValueStore("mem"), Serdes.String(), Serdes.String()), "p")
          .addStateStore(Stores.keyValueStoreBuilder(
              new RocksDBKeyValueBytesStoreSupplier("rocks"), Serdes.String(), Serdes.String()),
              "p");
    }

    /** A new task on the state directory, initialised (stores open) and RESTORING. */
    StreamTask task(Metrics metrics) {
      StreamsConfig config = new StreamsConfig(Map.of(
          StreamsConfig.APPLICATION_ID, id, StreamsConfig.STATE_DIR, stateDir.toString()));
      StreamTask task = new TaskFactory(InternalTopologyBuilder.of(topology()),
          EngineConfig.from(config, metrics), new StateDirectory(stateDir.toString(), id),
          Time.SYSTEM, name -> null)
          .create(TASK, Set.of(new TopicPartition(id + "-in", 0)), new NoOutput());
      task.initializeIfNeeded();
      return task;
    }

    Path checkpointFile() {
      return stateDir.resolve(id).resolve(TASK.toString())
          .resolve(ProcessorStateManager.CHECKPOINT_FILE);
    }

    void writeCheckpoint(long rocksOffset) throws Exception {
      Files.writeString(checkpointFile(),
          "0\n1\n" + rocksChangelog.topic() + " 0 " + rocksOffset + "\n", StandardCharsets.UTF_8);
    }

    /** Restores a new task with a real read_committed consumer; returns the restored task. */
    StreamTask restore(KafkaCluster kafka, RecordingListener listener, Metrics metrics) {
      Map<String, Object> props = new HashMap<>(kafka.clientProperties());
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2);
      StreamTask task = task(metrics);
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        StoreChangelogReader reader =
            new StoreChangelogReader(consumer, listener, metrics, Duration.ofSeconds(10));
        reader.register(task);
        assertThat(reader.restoringTasks()).containsExactly(TASK);
        long deadline = System.currentTimeMillis() + 30_000;
        List<StreamTask> done = List.of();
        while (done.isEmpty() && System.currentTimeMillis() < deadline) {
          done = reader.restore(Duration.ofMillis(100));
        }
        assertThat(done).as("restoration ends despite the trailing commit marker")
            .containsExactly(task);
        assertThat(reader.restoringTasks()).isEmpty();
        reader.close();
      }
      assertThat(task.stateManager().changelogOffsets())
          .as("positions are the captured ends, past the markers")
          .isEqualTo(Map.of(memChangelog, end, rocksChangelog, end));
      task.completeRestoration();
      assertThat(task.state()).isEqualTo(TaskState.RUNNING);
      return task;
    }
  }

  private static Map<String, String> contents(StreamTask task, String store) {
    @SuppressWarnings("unchecked") // both stores are built with String serdes
    KeyValueStore<String, String> typed = (KeyValueStore<String, String>) task.store(store);
    Map<String, String> result = new TreeMap<>();
    try (KeyValueIterator<String, String> all = typed.all()) {
      all.forEachRemaining(kv -> result.put(kv.key(), kv.value()));
    }
    return result;
  }

  private static void assertFullRestore(RecordingListener listener, String store) {
    assertThat(listener.of(store, "start")).containsExactly(new Event("start", store, 0, 11));
    assertThat(listener.batchTotal(store)).isEqualTo(COMMITTED_RECORDS);
    assertThat(listener.of(store, "batch"))
        .as("batches of at most max.poll.records, ending before the trailing marker")
        .allMatch(e -> e.b() >= 1 && e.b() <= 2 && e.a() <= 9);
    assertThat(listener.of(store, "end"))
        .containsExactly(new Event("end", store, COMMITTED_RECORDS, 0));
  }

  /** Puts a key the changelog never had into the RocksDB store, then closes without a commit. */
  private static void plantZombie(App app, Metrics metrics) {
    StreamTask task = app.task(metrics);
    task.completeRestoration();
    @SuppressWarnings("unchecked") // built with String serdes
    KeyValueStore<String, String> rocks = (KeyValueStore<String, String>) task.store("rocks");
    rocks.put("zombie", "not in the changelog");
    task.closeDirty();
  }

  @Test
  void restoresCommittedStateIntoBothStoresAndEndsPastTheTrailingMarker() throws Exception {
    KafkaCluster kafka = KAFKA.cluster();
    App app = new App(kafka);
    RecordingListener listener = new RecordingListener();
    try (Metrics metrics = new Metrics()) {
      StreamTask task = app.restore(kafka, listener, metrics);
      assertThat(contents(task, "mem")).isEqualTo(COMMITTED_STATE);
      assertThat(contents(task, "rocks")).isEqualTo(COMMITTED_STATE);
      assertFullRestore(listener, "mem");
      assertFullRestore(listener, "rocks");
      task.closeClean();
    }
    assertThat(app.checkpointFile()).content()
        .as("only the persistent store is checkpointed, at the end")
        .isEqualTo("0\n1\n" + app.rocksChangelog.topic() + " 0 11\n");
  }

  @Test
  void aCheckpointInTheMiddleReadsOnlyTheRest() throws Exception {
    KafkaCluster kafka = KAFKA.cluster();
    App app = new App(kafka);
    try (Metrics metrics = new Metrics()) {
      app.restore(kafka, new RecordingListener(), metrics).closeDirty();
      app.writeCheckpoint(app.middle);
      RecordingListener listener = new RecordingListener();
      StreamTask task = app.restore(kafka, listener, metrics);
      assertThat(contents(task, "rocks")).isEqualTo(COMMITTED_STATE);
      assertThat(contents(task, "mem")).isEqualTo(COMMITTED_STATE);
      assertThat(listener.of("rocks", "start"))
          .containsExactly(new Event("start", "rocks", app.middle, 11));
      assertThat(listener.of("rocks", "end"))
          .as("the aborted records are skipped: only the last transaction's 3 records")
          .containsExactly(new Event("end", "rocks", 3, 0));
      assertFullRestore(listener, "mem");
      task.closeClean();
    }
  }

  @Test
  void aCorruptCheckpointWipesTheStoreAndRestoresEverything() throws Exception {
    KafkaCluster kafka = KAFKA.cluster();
    App app = new App(kafka);
    try (Metrics metrics = new Metrics()) {
      plantZombie(app, metrics);
      Files.writeString(app.checkpointFile(), "0\n1\nnot a checkpoint line\n");
      RecordingListener listener = new RecordingListener();
      StreamTask task = app.restore(kafka, listener, metrics);
      assertThat(contents(task, "rocks")).as("the zombie was wiped").isEqualTo(COMMITTED_STATE);
      assertFullRestore(listener, "rocks");
      task.closeClean();
    }
  }

  @Test
  void aCheckpointBeyondTheLogEndWipesTheStoreAndRestoresEverything() throws Exception {
    KafkaCluster kafka = KAFKA.cluster();
    App app = new App(kafka);
    try (Metrics metrics = new Metrics()) {
      plantZombie(app, metrics);
      app.writeCheckpoint(app.end + 100);
      RecordingListener listener = new RecordingListener();
      StreamTask task = app.restore(kafka, listener, metrics);
      assertThat(contents(task, "rocks")).as("the zombie was wiped").isEqualTo(COMMITTED_STATE);
      assertFullRestore(listener, "rocks");
      assertThat(contents(task, "mem")).isEqualTo(COMMITTED_STATE);
      task.closeClean();
    }
  }

  @Test
  void aCheckpointBelowTheStartOfATruncatedLogWipesTheStoreAndRestoresWhatIsLeft()
      throws Exception {
    KafkaCluster kafka = KAFKA.cluster();
    App app = new App(kafka, "compact,delete");
    kafka.admin().deleteRecords(Map.of(
        app.memChangelog, RecordsToDelete.beforeOffset(app.middle),
        app.rocksChangelog, RecordsToDelete.beforeOffset(app.middle)))
        .all().get(30, TimeUnit.SECONDS);
    try (Metrics metrics = new Metrics()) {
      plantZombie(app, metrics);
      app.writeCheckpoint(app.middle - 2);
      RecordingListener listener = new RecordingListener();
      StreamTask task = app.restore(kafka, listener, metrics);
      Map<String, String> lastTransaction = Map.of("b", "22", "e", "5");
      assertThat(contents(task, "rocks")).as("wiped, then the rest of the log")
          .isEqualTo(lastTransaction);
      assertThat(contents(task, "mem")).isEqualTo(lastTransaction);
      assertThat(listener.of("rocks", "start"))
          .containsExactly(new Event("start", "rocks", app.middle, 11));
      assertThat(listener.of("rocks", "end")).containsExactly(new Event("end", "rocks", 3, 0));
      task.closeClean();
    }
  }

  @Test
  void aCheckpointAtTheEndReadsNothing() throws Exception {
    KafkaCluster kafka = KAFKA.cluster();
    App app = new App(kafka);
    try (Metrics metrics = new Metrics()) {
      app.restore(kafka, new RecordingListener(), metrics).closeClean();
      RecordingListener listener = new RecordingListener();
      StreamTask task = app.restore(kafka, listener, metrics);
      assertThat(listener.of("rocks", "start")).as("nothing to restore").isEmpty();
      assertThat(contents(task, "rocks")).isEqualTo(COMMITTED_STATE);
      assertThat(contents(task, "mem")).isEqualTo(COMMITTED_STATE);
      task.closeClean();
    }
  }
}
