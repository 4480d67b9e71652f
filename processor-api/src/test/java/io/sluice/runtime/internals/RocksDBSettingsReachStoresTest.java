package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.Processor;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.RocksDBConfigSetter;
import io.sluice.state.Stores;
import io.sluice.state.TaskId;
import io.sluice.state.internals.RocksDBKeyValueBytesStoreSupplier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;

/**
 * The RocksDB settings defined in {@link StreamsConfig} reach the RocksDB stores of a task, typed
 * as the configuration parsed them, under the names the stores read.
 */
class RocksDBSettingsReachStoresTest {

  /** Records the stores it configured and the memory bound it saw. */
  public static final class RecordingSetter implements RocksDBConfigSetter {
    static final List<String> CONFIGURED = new CopyOnWriteArrayList<>();
    static final List<Object> MEMORY_BOUNDS = new CopyOnWriteArrayList<>();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
      CONFIGURED.add(storeName);
      MEMORY_BOUNDS.add(configs.get(StreamsConfig.ROCKSDB_MEMORY_MAX_BYTES));
    }

    @Override
    public void close(String storeName, Options options) {}
  }

  @TempDir Path dir;

  @Test
  void configuredSetterAndMemoryBoundReachTheRocksDBStores() {
    RecordingSetter.CONFIGURED.clear();
    RecordingSetter.MEMORY_BOUNDS.clear();
    Topology topology = new Topology()
        .addSource("src", new StringDeserializer(), new StringDeserializer(), "in")
        .addProcessor("p", () -> new Processor<String, String, Void, Void>() {
          @Override
          public void process(Record<String, String> record) {}
        }, "src")
        .addStateStore(Stores.keyValueStoreBuilder(
            new RocksDBKeyValueBytesStoreSupplier("tuned"), Serdes.String(), Serdes.String()),
            "p");
    StreamsConfig config = new StreamsConfig(Map.of(StreamsConfig.APPLICATION_ID, "app",
        StreamsConfig.STATE_DIR, dir.toString(),
        StreamsConfig.ROCKSDB_CONFIG_SETTER, RecordingSetter.class.getName(),
        StreamsConfig.ROCKSDB_MEMORY_MAX_BYTES, "8388608"));
    try (Metrics metrics = new Metrics()) {
      StreamTask task = new TaskFactory(InternalTopologyBuilder.of(topology),
          EngineConfig.from(config, metrics), new StateDirectory(dir.toString(), "app"),
          new ManualTime(0), name -> null)
          .create(new TaskId(0, 0), Set.of(new TopicPartition("in", 0)),
              new DriverRecordCollector((t, p, ts, k, v, h) -> 0L));
      task.initializeIfNeeded();
      task.completeRestoration();
      task.closeClean();
    }

    assertThat(RecordingSetter.CONFIGURED).containsExactly("tuned");
    assertThat(RecordingSetter.MEMORY_BOUNDS).containsExactly(8_388_608L);
  }

  @Test
  void theMemoryDefaultIsTheOneTheStoresUse() {
    StreamsConfig config = new StreamsConfig(Map.of(StreamsConfig.APPLICATION_ID, "app"));

    assertThat(config.getLong(StreamsConfig.ROCKSDB_MEMORY_MAX_BYTES))
        .isEqualTo(io.sluice.state.internals.StoreSettings.ROCKSDB_MEMORY_MAX_BYTES_DEFAULT)
        .isEqualTo(64L * 1024 * 1024);
  }
}
