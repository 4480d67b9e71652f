package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Processor;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StateRestoreListener;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StoreBuilder;
import io.sluice.state.Stores;
import io.sluice.state.TaskId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store whose changelog is a source topic: not logged, restored from the topic, converted. */
class SourceChangelogTest {
  private static final TaskId TASK = new TaskId(0, 2);

  @TempDir Path dir;

  /** Records the values restored into it. */
  private static final class RestoringStore implements StateStore {
    final List<String> restored = new ArrayList<>();

    @Override
    public String name() {
      return "table-store";
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {}

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public boolean persistent() {
      return true;
    }

    @Override
    public boolean isOpen() {
      return true;
    }
  }

  /** A processor that does nothing. */
  private static final class NoOp implements Processor<String, String, Void, Void> {
    @Override
    public void process(Record<String, String> record) {}
  }

  private static ConsumerRecord<byte[], byte[]> record(String topic, long offset, String value) {
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    return new ConsumerRecord<>(topic, 2, offset, 7L, TimestampType.CREATE_TIME, 1, v.length,
        new byte[] {'k'}, v, new RecordHeaders(), Optional.empty());
  }

  @Test
  void storeRestoresFromItsSourceTopicPartitionThroughTheConverter() {
    InternalTopologyBuilder.SourceChangelog source = new InternalTopologyBuilder.SourceChangelog(
        "input", r -> record(r.topic(), r.offset(),
            new String(r.value(), StandardCharsets.UTF_8) + "@" + r.timestamp()));
    ProcessorStateManager manager = new ProcessorStateManager(
        TASK, "app", dir.toFile(), Set.of(), Map.of("table-store", source));
    manager.initialize();
    RestoringStore store = new RestoringStore();
    manager.registerStore(store, batch -> batch.forEach(
        r -> store.restored.add(new String(r.value(), StandardCharsets.UTF_8))));

    TopicPartition input = new TopicPartition("input", 2);
    assertThat(manager.changelogPartition("table-store")).contains(input);
    assertThat(manager.changelogPartitions()).containsOnlyKeys(input);
    manager.restore(input, List.of(record("input", 4, "a"), record("input", 5, "b")));
    assertThat(store.restored).containsExactly("a@7", "b@7");
    assertThat(manager.changelogOffsets()).containsEntry(input, 6L);
  }

  @Test
  void topologyDisablesLoggingOfTheStoreAndKeepsTheMappingWhenResolved() {
    Topology topology = new Topology();
    topology.addSource("src", new StringDeserializer(), new StringDeserializer(), "input");
    topology.addProcessor("proc", NoOp::new, "src");
    StoreBuilder<KeyValueStore<String, String>> store = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore("table-store"), Serdes.String(), Serdes.String());
    topology.addStateStore(store, "proc");
    InternalTopologyBuilder builder = InternalTopologyBuilder.of(topology);
    builder.addInternalTopic("other-repartition", 1);
    builder.useSourceTopicAsChangelog("table-store", "input", r -> r);

    assertThat(store.loggingEnabled()).isFalse();
    assertThat(builder.resolvedFor("app").sourceChangelogs())
        .containsOnlyKeys("table-store")
        .hasEntrySatisfying("table-store", s -> assertThat(s.topic()).isEqualTo("input"));
  }

  @Test
  void aTaskRestoresTheStoreFromItsSourceTopicThroughTheChangelogReader() {
    Topology topology = new Topology();
    topology.addSource("src", new StringDeserializer(), new StringDeserializer(), "input");
    topology.addProcessor("proc", NoOp::new, "src");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore("table-store"), Serdes.String(), Serdes.String()), "proc");
    InternalTopologyBuilder.of(topology).useSourceTopicAsChangelog("table-store", "input",
        r -> record(r.topic(), r.offset(), new String(r.value(), StandardCharsets.UTF_8) + "!"));
    Metrics metrics = new Metrics();
    StreamsConfig config = new StreamsConfig(Map.of(
        StreamsConfig.APPLICATION_ID, "app", StreamsConfig.STATE_DIR, dir.toString()));
    TopicPartition input = new TopicPartition("input", 2);
    StreamTask task = new TaskFactory(InternalTopologyBuilder.of(topology),
        EngineConfig.from(config, metrics), new StateDirectory(dir.toString(), "app"),
        new ManualTime(0), name -> null)
        .create(TASK, Set.of(input), new DriverRecordCollector((t, p, ts, k, v, h) -> 0L));
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("none");
    try {
      task.initializeIfNeeded();
      assertThat(task.stateManager().changelogPartitions()).containsOnlyKeys(input);
      StoreChangelogReader reader = new StoreChangelogReader(
          consumer, StateRestoreListener.NO_OP, metrics, Duration.ofSeconds(1));
      consumer.updateBeginningOffsets(Map.of(input, 0L));
      consumer.updateEndOffsets(Map.of(input, 2L));
      reader.register(task);
      reader.restore(Duration.ZERO);
      consumer.addRecord(record("input", 0, "a"));
      consumer.addRecord(record("input", 1, "b"));
      assertThat(reader.restore(Duration.ZERO)).containsExactly(task);
      @SuppressWarnings("unchecked") // built with String serdes above
      KeyValueStore<String, String> store =
          (KeyValueStore<String, String>) task.store("table-store");
      assertThat(store.get("k")).isEqualTo("b!");
    } finally {
      task.closeDirty();
      metrics.close();
    }
  }

  @Test
  void unknownStoreOrTopicIsATopologyErrorNamingWhatExists() {
    Topology topology = new Topology();
    topology.addSource("src", new StringDeserializer(), new StringDeserializer(), "input");
    topology.addProcessor("proc", NoOp::new, "src");
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore("s"), Serdes.String(), Serdes.String()), "proc");
    InternalTopologyBuilder builder = InternalTopologyBuilder.of(topology);
    assertThatThrownBy(() -> builder.useSourceTopicAsChangelog("nope", "input", r -> r))
        .isInstanceOf(TopologyException.class).hasMessageContaining("no such store (stores: [s])");
    assertThatThrownBy(() -> builder.useSourceTopicAsChangelog("s", "elsewhere", r -> r))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("no source reads the topic (source topics: [input])");
  }
}
