package io.sluice.state.internals;

import io.sluice.state.StateRestoreCallback;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.TaskId;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.metrics.Metrics;

/**
 * A minimal store context for the RocksDB tests: a temporary state directory (deleted on close),
 * settable application configs, a real metrics registry, and the restore callbacks by store name.
 */
final class RocksDBTestContext implements StateStoreContext, AutoCloseable {

  private final Path stateDir;
  private final Map<String, Object> configs;
  private final Metrics metrics = new Metrics();
  private final Map<String, StateRestoreCallback> callbacks = new HashMap<>();

  RocksDBTestContext(Map<String, Object> configs) {
    this.configs = configs;
    try {
      stateDir = Files.createTempDirectory("sluice-rocksdb-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RocksDBTestContext() {
    this(Map.of());
  }

  StateRestoreCallback callback(String storeName) {
    return callbacks.get(storeName);
  }

  @Override
  public String applicationId() {
    return "app";
  }

  @Override
  public TaskId taskId() {
    return new TaskId(0, 0);
  }

  @Override
  public File stateDir() {
    return stateDir.toFile();
  }

  @Override
  public Map<String, Object> appConfigs() {
    return configs;
  }

  @Override
  public Metrics metrics() {
    return metrics;
  }

  @Override
  public void register(StateStore store, StateRestoreCallback callback) {
    callbacks.put(store.name(), callback);
  }

  @Override
  public long currentStreamTimeMs() {
    return Long.MIN_VALUE;
  }

  @Override
  public void close() {
    metrics.close();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
