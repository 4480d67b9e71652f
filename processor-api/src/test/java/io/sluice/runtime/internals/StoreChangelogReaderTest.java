package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Processor;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StateRestoreListener;
import io.sluice.state.Stores;
import io.sluice.state.TaskId;
import io.sluice.state.internals.RocksDBKeyValueBytesStoreSupplier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoreChangelogReader} over a {@link MockConsumer}: start offsets from checkpoints,
 * completion at the captured end, listener events, metrics, out-of-range restarts, and the
 * register / unregister life cycle. Transaction markers need a real broker: see the
 * integration tests.
 */
class StoreChangelogReaderTest {
  private static final TaskId TASK = new TaskId(0, 0);
  private static final TopicPartition ROCKS = new TopicPartition("app-rocks-changelog", 0);
  private static final TopicPartition MEM = new TopicPartition("app-mem-changelog", 0);
  private static final Duration POLL = Duration.ZERO;

  @TempDir Path stateDir;
  private final Metrics metrics = new Metrics();
  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("none");
  private final List<String> events = new ArrayList<>();
  private final StateRestoreListener listener = new StateRestoreListener() {
    @Override
    public void onRestoreStart(TopicPartition tp, String store, long start, long end) {
      events.add("start " + store + " " + start + ".." + end);
    }

    @Override
    public void onBatchRestored(TopicPartition tp, String store, long batchEnd, long n) {
      events.add("batch " + store + " " + n + " to " + batchEnd);
    }

    @Override
    public void onRestoreEnd(TopicPartition tp, String store, long total) {
      events.add("end " + store + " " + total);
    }
  };
  private final StoreChangelogReader reader =
      new StoreChangelogReader(consumer, listener, metrics, Duration.ofSeconds(1));
  private final List<StreamTask> tasks = new ArrayList<>();

  private static final class Ignore implements Processor<String, String, Void, Void> {
    @Override
    public void process(Record<String, String> record) {}
  }

  @AfterEach
  void closeTasks() {
    tasks.forEach(StreamTask::closeDirty);
    metrics.close();
  }

  private StreamTask task(boolean withStores) {
    Topology topology = new Topology()
        .addSource("src", new StringDeserializer(), new StringDeserializer(), "in")
        .addProcessor("p", Ignore::new, "src");
    if (withStores) {
      topology.addStateStore(Stores.keyValueStoreBuilder(
              new RocksDBKeyValueBytesStoreSupplier("rocks"), Serdes.String(), Serdes.String()),
              "p")
          .addStateStore(Stores.keyValueStoreBuilder(
              Stores.inMemoryKeyValueStore("mem"), Serdes.String(), Serdes.String()), "p");
    }
    StreamsConfig config = new StreamsConfig(Map.of(
        StreamsConfig.APPLICATION_ID, "app", StreamsConfig.STATE_DIR, stateDir.toString()));
    StreamTask task = new TaskFactory(InternalTopologyBuilder.of(topology),
        EngineConfig.from(config, metrics), new StateDirectory(stateDir.toString(), "app"),
        new ManualTime(0), name -> null)
        .create(TASK, Set.of(new TopicPartition("in", 0)),
            new DriverRecordCollector((t, p, ts, k, v, h) -> 0L));
    task.initializeIfNeeded();
    tasks.add(task);
    return task;
  }

  private void writeCheckpoint(Map<TopicPartition, Long> offsets) {
    new StateDirectory(stateDir.toString(), "app").taskDir(TASK);
    new OffsetCheckpoint(stateDir.resolve("app/0_0/.checkpoint")).write(offsets);
  }

  private boolean hasRestoreMetrics() {
    return metrics.metrics().keySet().stream().anyMatch(
        m -> m.group().equals(TaskMetrics.GROUP) && m.name().startsWith("restore-"));
  }

  private void changelog(TopicPartition tp, long begin, long end) {
    consumer.updateBeginningOffsets(Map.of(tp, begin));
    consumer.updateEndOffsets(Map.of(tp, end));
  }

  private void add(TopicPartition tp, long offset, String key, String value) {
    consumer.addRecord(new ConsumerRecord<>(tp.topic(), tp.partition(), offset,
        key.getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, String> contents(StreamTask task, String store) {
    @SuppressWarnings("unchecked") // built with String serdes
    KeyValueStore<String, String> typed = (KeyValueStore<String, String>) task.store(store);
    Map<String, String> result = new TreeMap<>();
    try (KeyValueIterator<String, String> all = typed.all()) {
      all.forEachRemaining(kv -> result.put(kv.key(), kv.value()));
    }
    return result;
  }

  private double metric(String name) {
    Object value = metrics.metric(new MetricName(name, TaskMetrics.GROUP, "",
        Map.of("task-id", TASK.toString()))).metricValue();
    return ((Number) value).doubleValue();
  }

  @Test
  void restoresFromTheCheckpointForPersistentStoresAndFromTheBeginningOtherwise() {
    writeCheckpoint(Map.of(ROCKS, 2L, MEM, 2L));
    StreamTask task = task(true);
    changelog(ROCKS, 0, 4);
    changelog(MEM, 0, 3);
    reader.register(task);
    assertThat(reader.restore(POLL)).isEmpty();
    assertThat(consumer.assignment()).containsExactlyInAnyOrder(ROCKS, MEM);
    assertThat(events).containsExactlyInAnyOrder("start rocks 2..4", "start mem 0..3");
    assertThat(metric("restore-remaining-records-total")).isEqualTo(5.0);

    add(ROCKS, 2, "b", "2");
    add(ROCKS, 3, "c", "3");
    add(ROCKS, 4, "beyond", "the captured end");
    add(MEM, 0, "a", "1");
    add(MEM, 1, "a", null);
    assertThat(reader.restore(POLL)).isEmpty();
    assertThat(metric("restore-total")).isEqualTo(4.0);
    assertThat(metric("restore-remaining-records-total")).isEqualTo(1.0);
    assertThat(events).contains("batch rocks 2 to 3", "end rocks 2", "batch mem 2 to 1");
    assertThat(consumer.assignment()).as("a finished partition leaves").isEqualTo(Set.of(MEM));

    add(MEM, 2, "m", "1");
    assertThat(reader.restore(POLL)).containsExactly(task);
    assertThat(events).endsWith("batch mem 1 to 2", "end mem 3");
    assertThat(reader.restoringTasks()).isEmpty();
    assertThat(hasRestoreMetrics()).isFalse();
    assertThat(contents(task, "rocks")).isEqualTo(Map.of("b", "2", "c", "3"));
    assertThat(contents(task, "mem")).isEqualTo(Map.of("m", "1"));
    assertThat(task.stateManager().changelogOffsets()).isEqualTo(Map.of(ROCKS, 4L, MEM, 3L));
  }

  @Test
  void aResumedTaskContinuesFromItsCurrentPositionNotFromItsFirstCheckpoint() {
    writeCheckpoint(Map.of(ROCKS, 1L));
    StreamTask task = task(true);
    changelog(ROCKS, 0, 3);
    changelog(MEM, 0, 1);
    reader.register(task);
    reader.restore(POLL);
    add(ROCKS, 1, "b", "1");
    add(ROCKS, 2, "c", "2");
    add(MEM, 0, "m", "0");
    assertThat(reader.restore(POLL)).containsExactly(task);
    task.completeRestoration();
    task.suspend();
    task.resume();

    changelog(ROCKS, 0, 5);
    changelog(MEM, 0, 2);
    events.clear();
    reader.register(task);
    reader.restore(POLL);
    assertThat(events).as("both stores are open: neither the checkpoint (1) nor the beginning"
        + " (in-memory) applies").containsExactlyInAnyOrder("start rocks 3..5", "start mem 1..2");
  }

    @Test
  void anOutOfRangeOffsetWipesTheStoreAndRestartsFromTheBeginning() {
    StreamTask task = task(true);
    changelog(ROCKS, 0, 3);
    changelog(MEM, 0, 0);
    reader.register(task);
    reader.restore(POLL);
    add(ROCKS, 0, "stale", "x");
    reader.restore(POLL);
    assertThat(contents(task, "rocks")).containsKey("stale");

    consumer.updateBeginningOffsets(Map.of(ROCKS, 1L));
    consumer.setPollException(new OffsetOutOfRangeException(Map.of(ROCKS, 1L)));
    assertThat(reader.restore(POLL)).isEmpty();
    assertThat(contents(task, "rocks")).as("wiped").isEmpty();
    assertThat(events).containsExactly(
        "start rocks 0..3", "batch rocks 1 to 0", "start rocks 1..3");

    add(ROCKS, 1, "b", "1");
    add(ROCKS, 2, "c", "2");
    assertThat(reader.restore(POLL)).containsExactly(task);
    assertThat(contents(task, "rocks")).isEqualTo(Map.of("b", "1", "c", "2"));
    assertThat(events).endsWith("end rocks 2");
  }

  @Test
  void aCheckpointOutsideTheLogWipesThePersistentStore() {
    StreamTask seed = task(true);
    seed.completeRestoration();
    @SuppressWarnings("unchecked") // built with String serdes
    KeyValueStore<String, String> rocks = (KeyValueStore<String, String>) seed.store("rocks");
    rocks.put("zombie", "z");
    seed.closeDirty();
    writeCheckpoint(Map.of(ROCKS, 1L));

    StreamTask task = task(true);
    assertThat(contents(task, "rocks")).containsKey("zombie");
    changelog(ROCKS, 5, 6);
    changelog(MEM, 0, 0);
    reader.register(task);
    reader.restore(POLL);
    assertThat(events).containsExactly("start rocks 5..6");
    assertThat(contents(task, "rocks")).isEmpty();
    add(ROCKS, 5, "k", "v");
    assertThat(reader.restore(POLL)).containsExactly(task);
    assertThat(contents(task, "rocks")).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void tasksWithoutChangelogsCompleteAtOnceAndUnregisterReleasesPartitions() {
    StreamTask plain = task(false);
    reader.register(plain);
    assertThat(reader.restore(POLL)).containsExactly(plain);

    StreamTask task = task(true);
    changelog(ROCKS, 0, 10);
    changelog(MEM, 0, 10);
    reader.register(task);
    assertThatThrownBy(() -> reader.register(task))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
    reader.restore(POLL);
    assertThat(consumer.assignment()).hasSize(2);
    reader.unregister(task);
    assertThat(consumer.assignment()).isEmpty();
    assertThat(reader.restoringTasks()).isEmpty();
    assertThat(hasRestoreMetrics()).isFalse();
    assertThat(reader.restore(POLL)).isEmpty();
  }

  @Test
  void aFailingListenerDoesNotStopRestoration() {
    StateRestoreListener failing = new StateRestoreListener() {
      @Override
      public void onRestoreStart(TopicPartition tp, String store, long start, long end) {
        throw new IllegalStateException("start");
      }

      @Override
      public void onBatchRestored(TopicPartition tp, String store, long batchEnd, long n) {
        throw new IllegalStateException("batch");
      }

      @Override
      public void onRestoreEnd(TopicPartition tp, String store, long total) {
        throw new IllegalStateException("end");
      }
    };
    StoreChangelogReader withFailingListener =
        new StoreChangelogReader(consumer, failing, metrics, Duration.ofSeconds(1));
    StreamTask task = task(true);
    changelog(ROCKS, 0, 1);
    changelog(MEM, 0, 0);
    withFailingListener.register(task);
    withFailingListener.restore(POLL);
    add(ROCKS, 0, "k", "v");
    assertThat(withFailingListener.restore(POLL)).containsExactly(task);
    assertThat(contents(task, "rocks")).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void onlyRestoringTasksCanRegister() {
    StreamTask task = task(false);
    task.completeRestoration();
    assertThatThrownBy(() -> reader.register(task))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0_0")
        .hasMessageContaining("RUNNING");
  }
}
