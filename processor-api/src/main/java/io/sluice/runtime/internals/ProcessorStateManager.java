package io.sluice.runtime.internals;

import io.sluice.state.StateRestoreCallback;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import io.sluice.state.TaskId;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one task: its registered stores, their changelog partitions and restore
 * callbacks, the changelog positions, and the checkpoint file. A position is the offset from
 * which restoration would resume: one past the last changelog record written or restored.
 *
 * <p>Both drivers use it the same way: stores register during init; a restorer (the runtime's
 * restore consumer; nothing in the test driver) feeds changelog batches to {@link #restore};
 * {@link #updateChangelogOffsets} takes the record collector's acknowledged offsets; {@link
 * #checkpoint} writes them for persistent stores.
 *
 * <p>A store whose local state cannot be trusted (the restorer found its checkpointed offset
 * outside the changelog, or the log was truncated under it) is wiped and reopened empty by {@link
 * #wipeAndReregister}; a corrupt checkpoint file wipes every logged store before it opens. A
 * store's files are {@code <task dir>/rocksdb/<store>} (the RocksDB layout) or {@code <task
 * dir>/<store>}.
 */
public final class ProcessorStateManager {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessorStateManager.class);
  /** File name of the checkpoint in the task directory. */
  public static final String CHECKPOINT_FILE = ".checkpoint";

  private record Registered(StateStore store, StateRestoreCallback callback,
      TopicPartition changelog) {}

  private final TaskId taskId;
  private final String applicationId;
  private final File taskDir;
  private final Set<String> loggedStores;
  private final Map<String, InternalTopologyBuilder.SourceChangelog> sourceChangelogs;
  private final OffsetCheckpoint checkpoint;
  private final Map<String, Registered> stores = new LinkedHashMap<>();
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private final Map<TopicPartition, Long> checkpointed = new HashMap<>();
  /** Changelogs whose position reflects what the open store holds (restored or written). */
  private final Set<TopicPartition> live = new HashSet<>();
  /** The positions written by the last checkpoint of this session, or null before the first. */
  private Map<TopicPartition, Long> lastCheckpoint;
  private StateStoreContext context;
  private String reopening;

  /**
   * @param loggedStores names of this task's stores whose builders have logging enabled
   */
  public ProcessorStateManager(
      TaskId taskId, String applicationId, File taskDir, Set<String> loggedStores) {
    this(taskId, applicationId, taskDir, loggedStores, Map.of());
  }

  /**
   * @param loggedStores names of this task's stores whose builders have logging enabled
   * @param sourceChangelogs this task's stores restored from a source topic instead (not logged)
   */
  public ProcessorStateManager(TaskId taskId, String applicationId, File taskDir,
      Set<String> loggedStores,
      Map<String, InternalTopologyBuilder.SourceChangelog> sourceChangelogs) {
    this.taskId = taskId;
    this.applicationId = applicationId;
    this.taskDir = taskDir;
    this.sourceChangelogs = Map.copyOf(sourceChangelogs);
    Set<String> restored = new HashSet<>(loggedStores);
    restored.addAll(sourceChangelogs.keySet());
    this.loggedStores = Set.copyOf(restored);
    this.checkpoint = new OffsetCheckpoint(new File(taskDir, CHECKPOINT_FILE).toPath());
  }

  /** The changelog topic name of {@code storeName} in application {@code applicationId}. */
  public static String changelogTopic(String applicationId, String storeName) {
    return applicationId + "-" + storeName + "-changelog";
  }

  /** The changelog partition of a logged store: its source topic's, or its changelog topic's. */
  private TopicPartition changelogOf(String store) {
    InternalTopologyBuilder.SourceChangelog source = sourceChangelogs.get(store);
    return new TopicPartition(source != null ? source.topic() : changelogTopic(applicationId, store),
        taskId.partition());
  }

  /** The task this state belongs to. */
  public TaskId taskId() {
    return taskId;
  }

  /** The context the task's stores are initialised with, for reopening them after a wipe. */
  void bindContext(StateStoreContext storeContext) {
    this.context = storeContext;
  }

  /**
   * Reads the checkpoint, so restoration can resume from it. A corrupt checkpoint is logged and
   * deleted. Every logged store the checkpoint has no offset for (all of them if it is missing or
   * corrupt) has its files deleted before it opens: it restores from the beginning of its
   * changelog, and whatever it held locally (writes never committed, under exactly-once, or keys
   * whose tombstones compaction removed) must not survive that.
   */
  public void initialize() {
    Map<TopicPartition, Long> read;
    try {
      read = checkpoint.read();
    } catch (StateStoreException e) {
      LOG.warn("Task {}: {}. Wiping its logged stores {} to restore them from the beginning of"
          + " their changelogs", taskId, e.getMessage(), loggedStores);
      checkpoint.delete();
      read = Map.of();
    }
    for (String store : loggedStores) {
      TopicPartition changelog = changelogOf(store);
      if (!read.containsKey(changelog)) {
        deleteStoreFiles(store);
      }
    }
    positions.putAll(read);
    checkpointed.putAll(read);
  }

  /**
   * The offset the checkpoint gave for {@code changelog} when the task initialised (the next
   * offset to read), or {@code null} if it had none; forgotten when the store is wiped.
   */
  public Long checkpointedOffset(TopicPartition changelog) {
    return checkpointed.get(changelog);
  }

  /**
   * Where a resumed task's restoration of {@code changelog} continues: the position its open
   * store has reached (restored or written in this session), or {@code null} if the store has
   * not been restored yet (then the checkpoint applies).
   */
  public Long livePosition(TopicPartition changelog) {
    return live.contains(changelog) ? positions.get(changelog) : null;
  }

  /**
   * Changelog records written or restored since this session's last checkpoint; {@link
   * Long#MAX_VALUE} if there was none yet.
   */
  public long changelogRecordsSinceCheckpoint() {
    if (lastCheckpoint == null) {
      return Long.MAX_VALUE;
    }
    long total = 0;
    for (Map.Entry<TopicPartition, Long> position : positions.entrySet()) {
      total += position.getValue() - lastCheckpoint.getOrDefault(position.getKey(), 0L);
    }
    return total;
  }

  /**
   * Registers a store (its outermost layer) with its restore callback.
   *
   * @throws IllegalStateException if a store of that name is already registered
   */
  public void registerStore(StateStore store, StateRestoreCallback callback) {
    if (stores.containsKey(store.name()) && !store.name().equals(reopening)) {
      throw new IllegalStateException(
          "Store '" + store.name() + "' is already registered with task " + taskId
              + "; a store must register exactly once, from its outermost layer's init");
    }
    TopicPartition changelog = loggedStores.contains(store.name()) ? changelogOf(store.name())
        : null;
    InternalTopologyBuilder.SourceChangelog source = sourceChangelogs.get(store.name());
    StateRestoreCallback restore = source == null ? callback
        : batch -> callback.restoreBatch(batch.stream().map(source.restoreConverter()).toList());
    stores.put(store.name(), new Registered(store, restore, changelog));
  }

  /** A registered store, or {@code null}. */
  public StateStore store(String name) {
    Registered registered = stores.get(name);
    return registered == null ? null : registered.store();
  }

  /** The registered stores, in registration order. */
  public Collection<StateStore> stores() {
    return stores.values().stream().map(Registered::store).toList();
  }

  /** The changelog partition of a registered store, or empty if it is not logged. */
  public Optional<TopicPartition> changelogPartition(String storeName) {
    Registered registered = stores.get(storeName);
    return Optional.ofNullable(registered == null ? null : registered.changelog());
  }

  /** The changelog partitions of this task's logged stores, mapped to their store names. */
  public Map<TopicPartition, String> changelogPartitions() {
    Map<TopicPartition, String> result = new LinkedHashMap<>();
    stores.values().stream().filter(r -> r.changelog() != null)
        .forEach(r -> result.put(r.changelog(), r.store().name()));
    return result;
  }

  /** Where restoration of each changelog partition resumes (0 if unknown). */
  public Map<TopicPartition, Long> changelogOffsets() {
    Map<TopicPartition, Long> result = new HashMap<>();
    changelogPartitions().keySet().forEach(tp -> result.put(tp, positions.getOrDefault(tp, 0L)));
    return result;
  }

  /**
   * Applies one batch of changelog records of {@code changelog} through its store's restore
   * callback and moves the position past the batch.
   *
   * @throws IllegalArgumentException if no store of this task uses {@code changelog}
   */
  public void restore(TopicPartition changelog, List<ConsumerRecord<byte[], byte[]>> batch) {
    String storeName = changelogPartitions().get(changelog);
    if (storeName == null) {
      throw new IllegalArgumentException("Task " + taskId + " has no store with changelog "
          + changelog + "; its changelogs are " + changelogPartitions().keySet());
    }
    if (batch.isEmpty()) {
      return;
    }
    stores.get(storeName).callback().restoreBatch(batch);
    positions.put(changelog, batch.get(batch.size() - 1).offset() + 1);
    live.add(changelog);
  }

  /**
   * Takes the offsets of the last changelog records acknowledged, per partition; entries for
   * partitions of other tasks are ignored.
   */
  public void updateChangelogOffsets(Map<TopicPartition, Long> lastWritten) {
    Set<TopicPartition> mine = changelogPartitions().keySet();
    lastWritten.forEach((tp, offset) -> {
      if (mine.contains(tp)) {
        // A stale acknowledgement must not move the position backwards.
        positions.merge(tp, offset + 1, Math::max);
        live.add(tp);
      }
    });
  }

  /**
   * Marks the restoration of {@code changelog} complete at {@code endOffset} (the end captured
   * when it started): restoration would resume there, past any trailing transaction markers.
   */
  public void restorationComplete(TopicPartition changelog, long endOffset) {
    positions.merge(changelog, endOffset, Math::max);
    live.add(changelog);
  }

  /**
   * Wipes a store whose local state cannot be trusted: closes it, deletes its files, forgets its
   * changelog position and checkpointed offset, and initialises it again, empty, in the same
   * place of the registration order. The caller restores it from the beginning of its changelog.
   *
   * @throws IllegalArgumentException if no such store is registered
   * @throws IllegalStateException if the task bound no context, or the store did not register
   *     again during its init
   */
  public void wipeAndReregister(String storeName) {
    Registered registered = stores.get(storeName);
    if (registered == null) {
      throw new IllegalArgumentException("Task " + taskId + " has no store '" + storeName
          + "'; its stores are " + stores.keySet());
    }
    if (context == null) {
      throw new IllegalStateException("Task " + taskId + " cannot reopen store '" + storeName
          + "': no store context was bound to its state manager");
    }
    StateStore store = registered.store();
    store.close();
    deleteStoreFiles(storeName);
    if (registered.changelog() != null) {
      positions.remove(registered.changelog());
      checkpointed.remove(registered.changelog());
      live.remove(registered.changelog());
    }
    reopening = storeName;
    try {
      store.init(context, store);
    } finally {
      reopening = null;
    }
    if (stores.get(storeName) == registered) {
      throw new IllegalStateException("Store '" + storeName + "' of task " + taskId
          + " did not register again when reopened after a wipe");
    }
    LOG.info("Task {}: wiped store '{}' and reopened it empty", taskId, storeName);
  }

  private void deleteStoreFiles(String storeName) {
    for (File files : new File[] {
        new File(new File(taskDir, "rocksdb"), storeName), new File(taskDir, storeName)}) {
      try {
        Utils.delete(files);
      } catch (IOException e) {
        throw new StateStoreException("Cannot delete the files " + files + " of store '"
            + storeName + "' of task " + taskId + ": " + e, e);
      }
    }
  }

  /** Flushes every store (forwarding cached records downstream where caching is on). */
  public void flush() {
    flush(List.of());
  }

  /**
   * Flushes the record caches of the stores named in {@code order} first, in that order, then
   * those of the other registered stores: every pending update is forwarded and written down to
   * the changelog, but the stores below are not synced (a commit needs no more; {@link
   * #checkpoint()} syncs them).
   */
  public void flushCache(List<String> order) {
    Set<String> done = new HashSet<>();
    for (String name : order) {
      Registered registered = stores.get(name);
      if (registered != null && done.add(name)) {
        registered.store().flushCache();
      }
    }
    for (Registered registered : stores.values()) {
      if (done.add(registered.store().name())) {
        registered.store().flushCache();
      }
    }
  }

  /**
   * Flushes the stores named in {@code order} first, in that order (a task passes its stores in
   * topological order of their processors, so caches flushed upstream forward into caches not yet
   * flushed downstream), then the other registered stores in registration order. Names not
   * registered are skipped.
   */
  public void flush(List<String> order) {
    Set<String> done = new HashSet<>();
    for (String name : order) {
      Registered registered = stores.get(name);
      if (registered != null && done.add(name)) {
        registered.store().flush();
      }
    }
    for (Registered registered : stores.values()) {
      if (done.add(registered.store().name())) {
        registered.store().flush();
      }
    }
  }

  /**
   * Writes the positions of the logged persistent stores to the checkpoint file. In-memory stores
   * are left out: after a restart they must restore from the beginning.
   */
  public void checkpoint() {
    // Persistent stores run without a write-ahead log: only a flushed store holds what the
    // checkpoint is about to claim.
    flush();
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (Registered registered : stores.values()) {
      if (registered.changelog() != null && registered.store().persistent()) {
        offsets.put(registered.changelog(), positions.getOrDefault(registered.changelog(), 0L));
      }
    }
    checkpoint.write(offsets);
    lastCheckpoint = Map.copyOf(positions);
  }

  /** Deletes the checkpoint (under exactly-once, when the task starts running). */
  public void deleteCheckpoint() {
    checkpoint.delete();
  }

  /** Closes every store, continuing past failures; the first failure is rethrown. */
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (Registered registered : stores.values()) {
      try {
        registered.store().close();
      } catch (RuntimeException e) {
        LOG.error("Closing store '{}' of task {} failed", registered.store().name(), taskId, e);
        failures.add(e);
      }
    }
    stores.clear();
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }
}
