package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Processor;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StateStoreException;
import io.sluice.state.Stores;
import io.sluice.state.TaskId;
import io.sluice.state.internals.RocksDBKeyValueBytesStoreSupplier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checkpoint file format, its validation, how a task treats a corrupt or partial one, and
 * when tasks write and delete it under each guarantee.
 */
class OffsetCheckpointTest {
  private static final TopicPartition A = new TopicPartition("app-a-changelog", 0);
  private static final TopicPartition B = new TopicPartition("app-b-changelog", 3);

  @TempDir Path dir;

  @Test
  void writesAndReadsBackNextOffsetsToRead() {
    OffsetCheckpoint checkpoint = new OffsetCheckpoint(dir.resolve(".checkpoint"));
    assertThat(checkpoint.read()).as("no file: nothing checkpointed").isEmpty();
    checkpoint.write(Map.of(A, 12L, B, 0L));
    assertThat(checkpoint.read()).isEqualTo(Map.of(A, 12L, B, 0L));
    assertThat(dir.resolve(".checkpoint.tmp")).doesNotExist();
    checkpoint.delete();
    assertThat(checkpoint.read()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "1\n1\nt 0 5\n", "0\n2\nt 0 5\n", "0\n1\nt 0\n", "0\n1\nt x 5\n", "0\n1\nt 0 -3\n",
      "0\nmany\n"})
  void corruptFilesAreRefusedNamingTheFileAndTheFix(String content) throws IOException {
    Path file = dir.resolve(".checkpoint");
    Files.writeString(file, content);
    assertThatThrownBy(() -> new OffsetCheckpoint(file).read())
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("corrupt")
        .hasMessageContaining("Delete the file");
  }

  @Test
  void aCorruptCheckpointWipesTheLoggedStoresFilesAndIsForgotten() throws IOException {
    Path taskDir = Files.createDirectories(dir.resolve("0_0"));
    Path checkpoint = Files.writeString(taskDir.resolve(".checkpoint"), "0\n7\n");
    Path logged = Files.createDirectories(taskDir.resolve("rocksdb").resolve("logged"));
    Files.writeString(logged.resolve("000001.sst"), "data");
    Path local = Files.createDirectories(taskDir.resolve("rocksdb").resolve("local"));
    ProcessorStateManager manager =
        new ProcessorStateManager(new TaskId(0, 0), "app", taskDir.toFile(), Set.of("logged"));

    manager.initialize();

    assertThat(checkpoint).doesNotExist();
    assertThat(logged).doesNotExist();
    assertThat(local).as("a store without changelog cannot be restored, so it stays").exists();
    assertThat(manager.checkpointedOffset(new TopicPartition("app-logged-changelog", 0)))
        .isNull();
  }

  @Test
  void aLoggedStoreWithoutCheckpointedOffsetStartsFromEmptyFiles() throws IOException {
    Path taskDir = Files.createDirectories(dir.resolve("0_1"));
    new OffsetCheckpoint(taskDir.resolve(".checkpoint"))
        .write(Map.of(new TopicPartition("app-kept-changelog", 1), 9L));
    Path kept = Files.createDirectories(taskDir.resolve("rocksdb").resolve("kept"));
    Path missing = Files.createDirectories(taskDir.resolve("rocksdb").resolve("missing"));
    new ProcessorStateManager(new TaskId(0, 1), "app", taskDir.toFile(), Set.of("kept", "missing"))
        .initialize();
    assertThat(kept).exists();
    assertThat(missing).as("it restores from the beginning, so stale local data goes")
        .doesNotExist();
  }

  private StreamTask rocksTask(boolean exactlyOnce, Metrics metrics, long[] nextOffset) {
    Topology topology = new Topology()
        .addSource("src", new StringDeserializer(), new StringDeserializer(), "in")
        .addProcessor("p", () -> new Processor<String, String, Void, Void>() {
          @Override
          public void process(Record<String, String> record) {}
        }, "src")
        .addStateStore(Stores.keyValueStoreBuilder(
            new RocksDBKeyValueBytesStoreSupplier("s"), Serdes.String(), Serdes.String()), "p")
        .addStateStore(Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("m"), Serdes.String(), Serdes.String()), "p");
    StreamsConfig config = new StreamsConfig(Map.of(StreamsConfig.APPLICATION_ID, "app",
        StreamsConfig.STATE_DIR, dir.toString(), StreamsConfig.PROCESSING_GUARANTEE,
        exactlyOnce ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE));
    StreamTask task = new TaskFactory(InternalTopologyBuilder.of(topology),
        EngineConfig.from(config, metrics), new StateDirectory(dir.toString(), "app"),
        new ManualTime(0), name -> null)
        .create(new TaskId(0, 0), Set.of(new TopicPartition("in", 0)),
            new DriverRecordCollector((t, p, ts, k, v, h) -> nextOffset[0]++));
    task.initializeIfNeeded();
    task.completeRestoration();
    return task;
  }

  @SuppressWarnings("unchecked") // the stores are built with String serdes
  private static void put(StreamTask task, String store, String key) {
    ((KeyValueStore<String, String>) task.store(store)).put(key, "v");
  }

  @Test
  void commitsCheckpointTheNextOffsetOfPersistentStoresOnlyUnderAtLeastOnce() {
    Path file = dir.resolve("app/0_0/.checkpoint");
    try (Metrics metrics = new Metrics()) {
      StreamTask task = rocksTask(false, metrics, new long[] {40});
      put(task, "s", "a");
      put(task, "s", "b");
      put(task, "m", "c");
      task.prepareCommit();
      task.postCommit(false);
      assertThat(new OffsetCheckpoint(file).read())
          .as("the last acknowledged changelog offset (41) + 1; the in-memory store is left out")
          .isEqualTo(Map.of(new TopicPartition("app-s-changelog", 0), 42L));
      task.closeDirty();
    }
  }

  @Test
  void atLeastOnceCommitsCheckpointAgainOnlyAfterTheChangelogsMovedFarEnough() {
    Path file = dir.resolve("app/0_0/.checkpoint");
    long[] offset = {0};
    try (Metrics metrics = new Metrics()) {
      StreamTask task = rocksTask(false, metrics, offset);
      put(task, "s", "a");
      task.prepareCommit();
      task.postCommit(false);
      Map<TopicPartition, Long> first = new OffsetCheckpoint(file).read();
      put(task, "s", "b");
      task.prepareCommit();
      task.postCommit(false);
      assertThat(new OffsetCheckpoint(file).read()).as("one record is not far enough")
          .isEqualTo(first);
      for (int i = 0; i < StreamTask.CHECKPOINT_MIN_RECORDS; i++) {
        put(task, "s", "k" + i);
      }
      task.prepareCommit();
      task.postCommit(false);
      assertThat(new OffsetCheckpoint(file).read()).isNotEqualTo(first);
      task.closeDirty();
    }
  }

    @Test
  void underExactlyOnceRunningDeletesTheCheckpointAndOnlyACleanCloseWritesIt() {
    Path file = dir.resolve("app/0_0/.checkpoint");
    new StateDirectory(dir.toString(), "app").taskDir(new TaskId(0, 0));
    new OffsetCheckpoint(file).write(Map.of(new TopicPartition("app-s-changelog", 0), 7L));
    try (Metrics metrics = new Metrics()) {
      StreamTask task = rocksTask(true, metrics, new long[] {7});
      assertThat(file).as("local state may now hold uncommitted writes").doesNotExist();
      put(task, "s", "a");
      task.prepareCommit();
      task.postCommit(false);
      assertThat(file).as("no checkpoint on a normal commit under exactly-once").doesNotExist();
      task.prepareCommit();
      task.closeClean();
      assertThat(new OffsetCheckpoint(file).read())
          .isEqualTo(Map.of(new TopicPartition("app-s-changelog", 0), 8L));
    }
  }

  @Test
  void aValidCheckpointGivesTheOffsetsToResumeFrom() {
    Path taskDir = dir.resolve("0_3");
    assertThat(taskDir.toFile().mkdirs()).isTrue();
    TopicPartition changelog = new TopicPartition("app-s-changelog", 3);
    new OffsetCheckpoint(taskDir.resolve(".checkpoint")).write(Map.of(changelog, 42L));
    ProcessorStateManager manager =
        new ProcessorStateManager(new TaskId(0, 3), "app", taskDir.toFile(), Set.of("s"));
    manager.initialize();
    assertThat(manager.checkpointedOffset(changelog)).isEqualTo(42L);
    assertThat(manager.checkpointedOffset(A)).isNull();
  }
}
