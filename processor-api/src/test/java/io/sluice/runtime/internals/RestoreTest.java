package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static io.sluice.runtime.internals.Fixture.SER;
import static io.sluice.runtime.internals.Fixture.pipe;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import io.sluice.state.TaskId;
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
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore half of the task contract: changelog batches fed to a RESTORING task's state
 * manager rebuild its stores before it runs, as the runtime's restore consumer will do.
 */
class RestoreTest {
  private static final TopicPartition CHANGELOG =
      new TopicPartition("sluice-test-driver-counts-changelog", 0);

  @TempDir Path stateDir;

  private static Topology counting() {
    return new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("count", StateAndChangelogTest.Counter::new, "src")
        .addStateStore(Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long()), "count")
        .addSink("out", "out", SER, SER, "count");
  }

  @Test
  void aTaskRestoresItsStoresFromChangelogBatchesBeforeRunning() {
    List<ConsumerRecord<byte[], byte[]>> changelog = new ArrayList<>();
    try (SyncDriver driver = new SyncDriver(counting(), new Properties(), 0L)) {
      pipe(driver, "in", "a", "x", 1);
      pipe(driver, "in", "b", "x", 2);
      pipe(driver, "in", "a", "x", 3);
      ProducerRecord<byte[], byte[]> r;
      while ((r = driver.readOutput(CHANGELOG.topic())) != null) {
        changelog.add(new ConsumerRecord<>(r.topic(), 0, changelog.size(), r.timestamp(),
            TimestampType.CREATE_TIME, 0, 0, r.key(), r.value(), r.headers(), Optional.empty()));
      }
    }

    try (Metrics metrics = new Metrics()) {
      StreamsConfig config = new StreamsConfig(Map.of(
          StreamsConfig.APPLICATION_ID, SyncDriver.DEFAULT_APPLICATION_ID,
          StreamsConfig.STATE_DIR, stateDir.toString()));
      StreamTask task = new TaskFactory(InternalTopologyBuilder.of(counting()),
          EngineConfig.from(config, metrics),
          new StateDirectory(stateDir.toString(), SyncDriver.DEFAULT_APPLICATION_ID),
          new ManualTime(0), name -> null)
          .create(new TaskId(0, 0), Set.of(new TopicPartition("in", 0)),
              new DriverRecordCollector((t, p, ts, k, v, h) -> 0L));
      task.initializeIfNeeded();
      assertThat(task.state()).isEqualTo(TaskState.RESTORING);
      assertThat(task.stateManager().changelogOffsets()).isEqualTo(Map.of(CHANGELOG, 0L));

      task.stateManager().restore(CHANGELOG, changelog.subList(0, 2));
      task.stateManager().restore(CHANGELOG, changelog.subList(2, 3));
      task.completeRestoration();

      KeyValueStore<?, ?> store = (KeyValueStore<?, ?>) task.store("counts");
      @SuppressWarnings("unchecked") // the store was built with String keys and Long values
      KeyValueStore<String, Long> counts = (KeyValueStore<String, Long>) store;
      assertThat(counts.get("a")).isEqualTo(2L);
      assertThat(counts.get("b")).isEqualTo(1L);
      assertThat(task.stateManager().changelogOffsets()).isEqualTo(Map.of(CHANGELOG, 3L));
      task.closeClean();
    }
  }
}
