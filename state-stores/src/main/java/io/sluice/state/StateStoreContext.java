package io.sluice.state;

import java.io.File;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;

/** What a store sees of the task that owns it while it initialises and runs. */
public interface StateStoreContext {

  /** The application id, which prefixes changelog topic names. */
  String applicationId();

  /** The owning task. */
  TaskId taskId();

  /** The task's state directory ({@code <state.dir>/<application.id>/<task id>/}); exists. */
  File stateDir();

  /** The application's configuration, originals included, for stores that read settings. */
  Map<String, Object> appConfigs();

  /** The instance's metrics registry, where store layers register their sensors. */
  Metrics metrics();

  /**
   * Registers a store with the task: the task restores it from its changelog (when logging is
   * enabled for it) through {@code callback} before processing, and flushes and closes it with
   * the task.
   *
   * @param store the outermost layer of the store
   * @param callback applies changelog batches to the store's bytes
   * @throws IllegalStateException if a store with that name is already registered
   */
  void register(StateStore store, StateRestoreCallback callback);

  /** The task's stream time in epoch milliseconds, or {@link Long#MIN_VALUE} before any record. */
  long currentStreamTimeMs();
}
