package io.sluice.state.internals;

import io.sluice.state.StateRestoreCallback;
import io.sluice.state.StateStore;
import io.sluice.state.TaskId;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * A store context for tests: captures every {@code logChange} in order, keeps a real {@link
 * Metrics} registry and a temporary state directory, records registrations with their restore
 * callbacks, and lets tests set stream time, the record context and the default serdes.
 */
public final class CapturingStoreContext implements InternalStoreContext, AutoCloseable {

  /** One captured changelog write. */
  public record Change(String storeName, Bytes key, byte[] value, long timestamp) {}

  private final Metrics metrics = new Metrics();
  private final Path stateDir;
  private final List<Change> changes = new ArrayList<>();
  private final Map<String, StateStore> stores = new HashMap<>();
  private final Map<String, StateRestoreCallback> callbacks = new HashMap<>();
  private final TaskId taskId = new TaskId(0, 1);
  private ProcessorRecordContext recordContext = recordAt(0);
  private long streamTime = Long.MIN_VALUE;
  private Serde<?> defaultKeySerde;
  private Serde<?> defaultValueSerde;
  private ThreadCache cache;

  public CapturingStoreContext() {
    try {
      stateDir = Files.createTempDirectory("sluice-store-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProcessorRecordContext recordAt(long timestamp) {
    return new ProcessorRecordContext(timestamp, 0, 1, "input", new RecordHeaders());
  }

  /** Sets the current record context to a record at {@code timestamp}. */
  public void setRecordTimestamp(long timestamp) {
    recordContext = recordAt(timestamp);
  }

  public void setStreamTime(long streamTimeMs) {
    this.streamTime = streamTimeMs;
  }

  /** Gives store layers this thread cache (none by default). */
  public void setCache(ThreadCache cache) {
    this.cache = cache;
  }

  @Override
  public ThreadCache cache() {
    return cache;
  }

  public void setDefaultSerdes(Serde<?> key, Serde<?> value) {
    this.defaultKeySerde = key;
    this.defaultValueSerde = value;
  }

  /** Every captured change, in order. */
  public List<Change> changes() {
    return List.copyOf(changes);
  }

  /** The captured changes of one store, in order. */
  public List<Change> changelog(String storeName) {
    return changes.stream().filter(c -> c.storeName().equals(storeName)).toList();
  }

  /** The changelog of one store as compaction leaves it: last write per key, deletes removed. */
  public TreeMap<Bytes, byte[]> compactedChangelog(String storeName) {
    TreeMap<Bytes, byte[]> compacted = new TreeMap<>();
    for (Change c : changelog(storeName)) {
      if (c.value() == null) {
        compacted.remove(c.key());
      } else {
        compacted.put(c.key(), c.value());
      }
    }
    return compacted;
  }

  /** Replays {@code changes} into the store registered as {@code storeName}, in one batch. */
  public void restore(String storeName, List<Change> changes) {
    StateRestoreCallback callback = callbacks.get(storeName);
    if (callback == null) {
      throw new IllegalStateException("no store registered as " + storeName);
    }
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    long offset = 0;
    for (Change c : changes) {
      records.add(
          new ConsumerRecord<>(
              applicationId() + "-" + storeName + "-changelog",
              taskId.partition(),
              offset++,
              c.key().get(),
              c.value()));
    }
    callback.restoreBatch(records);
  }

  /** The stores registered so far, by name. */
  public Map<String, StateStore> registered() {
    return Map.copyOf(stores);
  }

  @Override
  public ProcessorRecordContext recordContext() {
    return recordContext;
  }

  @Override
  public void setRecordContext(ProcessorRecordContext context) {
    this.recordContext = context;
  }

  @Override
  public void logChange(String storeName, Bytes key, byte[] value, long timestamp) {
    changes.add(new Change(storeName, key, value, timestamp));
  }

  @Override
  public Serde<?> defaultKeySerde() {
    return defaultKeySerde;
  }

  @Override
  public Serde<?> defaultValueSerde() {
    return defaultValueSerde;
  }

  @Override
  public String applicationId() {
    return "test-app";
  }

  @Override
  public TaskId taskId() {
    return taskId;
  }

  @Override
  public File stateDir() {
    return stateDir.toFile();
  }

  @Override
  public Map<String, Object> appConfigs() {
    return Map.of("application.id", applicationId());
  }

  @Override
  public Metrics metrics() {
    return metrics;
  }

  @Override
  public void register(StateStore store, StateRestoreCallback callback) {
    if (stores.putIfAbsent(store.name(), store) != null) {
      throw new IllegalStateException("store " + store.name() + " is already registered");
    }
    callbacks.put(store.name(), callback);
  }

  @Override
  public long currentStreamTimeMs() {
    return streamTime;
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
