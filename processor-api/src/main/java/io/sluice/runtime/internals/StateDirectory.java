package io.sluice.runtime.internals;

import io.sluice.state.StateStoreException;
import io.sluice.state.TaskId;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local state directories of an application: {@code <state.dir>/<application.id>/<task id>/}.
 *
 * <p>A task directory is locked by the thread that owns the task ({@link #lock}), through a
 * {@code .lock} file inside it: another process, or another thread of this one, is refused with
 * an error naming the directory and its holder. The application directory has a lock of its own
 * ({@link #lockApplication}) for whole-application operations such as {@link #cleanUp}. Task
 * directories nobody holds are deleted by {@link #cleanRemovedTasks} once unused for {@code
 * state.cleanup.delay.ms}. Thread-safe.
 */
public final class StateDirectory {
  /** The default of {@code state.cleanup.delay.ms}, in milliseconds. */
  public static final long DEFAULT_CLEANUP_DELAY_MS = 600_000L;

  private static final Logger LOG = LoggerFactory.getLogger(StateDirectory.class);

  private final File appDir;
  private final long cleanupDelayMs;
  private final Time time;
  private final Map<TaskId, DirectoryLock> taskLocks = new ConcurrentHashMap<>();
  private volatile DirectoryLock appLock;

  /**
   * A state directory with the default cleanup delay and the system clock.
   *
   * @param stateDir the {@code state.dir} setting
   */
  public StateDirectory(String stateDir, String applicationId) {
    this(stateDir, applicationId, DEFAULT_CLEANUP_DELAY_MS, Time.SYSTEM);
  }

  /**
   * @param stateDir the {@code state.dir} setting
   * @param cleanupDelayMs {@code state.cleanup.delay.ms}: how long an unlocked task directory
   *     stays before {@link #cleanRemovedTasks} deletes it
   * @param time the clock that stamps a task directory when its lock is released
   */
  public StateDirectory(String stateDir, String applicationId, long cleanupDelayMs, Time time) {
    if (cleanupDelayMs < 0) {
      throw new IllegalArgumentException(
          "state.cleanup.delay.ms must be >= 0 but was " + cleanupDelayMs);
    }
    this.appDir = new File(stateDir, applicationId);
    this.cleanupDelayMs = cleanupDelayMs;
    this.time = time;
  }

  /** The application's directory (may not exist yet). */
  public File appDir() {
    return appDir;
  }

  /**
   * The directory of a task, created if missing.
   *
   * @throws StateStoreException if it cannot be created
   */
  public File taskDir(TaskId taskId) {
    return mkdirs(new File(appDir, taskId.toString()));
  }

  /**
   * Locks a task's directory (creating it) for the calling thread, until {@link #unlock}; taking
   * a lock the thread already holds through this instance succeeds. Another instance on the same
   * directory (in this process or another) is refused.
   *
   * @return whether the lock is now held; {@code false} if another thread or process holds it
   * @throws StateStoreException if the directory or its lock file cannot be created
   */
  public boolean tryLock(TaskId taskId) {
    DirectoryLock lock = DirectoryLock.tryAcquire(taskDir(taskId), this);
    if (lock == null) {
      return false;
    }
    taskLocks.put(taskId, lock);
    return true;
  }

  /**
   * Locks a task's directory like {@link #tryLock}, failing if it is held elsewhere.
   *
   * @throws StateStoreException naming the directory and its holder (thread, or process and
   *     host) if another thread or process holds it
   */
  public void lock(TaskId taskId) {
    if (!tryLock(taskId)) {
      File dir = new File(appDir, taskId.toString());
      throw new StateStoreException("The state directory " + dir + " of task " + taskId
          + " is locked by " + DirectoryLock.holder(dir) + ". Two instances of application '"
          + appDir.getName() + "' must not share a state.dir on one machine: give each its own"
          + " state.dir, or stop the other instance");
    }
  }

  /**
   * Releases a task's lock if the calling thread holds it, stamping the directory with the
   * current time so {@link #cleanRemovedTasks} counts the delay from now.
   *
   * @return whether a lock was released
   */
  public boolean unlock(TaskId taskId) {
    DirectoryLock lock = taskLocks.get(taskId);
    if (lock == null) {
      return false;
    }
    if (lock.owner() != Thread.currentThread()) {
      LOG.warn("Thread '{}' asked to unlock task {} held by thread '{}'; the lock stays",
          Thread.currentThread().getName(), taskId, lock.owner().getName());
      return false;
    }
    taskLocks.remove(taskId, lock);
    lock.release();
    if (!lock.dir().toFile().setLastModified(time.milliseconds())) {
      LOG.debug("Could not stamp {} with the release time", lock.dir());
    }
    return true;
  }

  /** Whether this instance holds the lock of a task's directory (on any thread). */
  public boolean isLocked(TaskId taskId) {
    return taskLocks.containsKey(taskId);
  }

  /**
   * Locks the application directory for the calling thread (for whole-application operations).
   *
   * @throws StateStoreException naming the directory and its holder if another thread or
   *     process holds it
   */
  public void lockApplication() {
    DirectoryLock lock = DirectoryLock.tryAcquire(mkdirs(appDir), this);
    if (lock == null) {
      throw new StateStoreException("The state directory " + appDir + " of application '"
          + appDir.getName() + "' is locked by " + DirectoryLock.holder(appDir)
          + "; stop that instance first, or give this one another state.dir");
    }
    appLock = lock;
  }

  /** Releases the application lock, if held. */
  public void unlockApplication() {
    DirectoryLock lock = appLock;
    appLock = null;
    if (lock != null) {
      lock.release();
    }
  }

  /**
   * Deletes every task directory of the application, under the application lock (taken and
   * released here unless already held).
   *
   * @throws StateStoreException if the application or a task directory is locked by someone
   *     else (naming it and the holder), or a directory cannot be deleted
   */
  public void cleanUp() {
    boolean held = appLock != null;
    if (!held) {
      lockApplication();
    }
    try {
      for (TaskDir task : taskDirs()) {
        DirectoryLock lock = taskLocks.containsKey(task.id())
            ? null : DirectoryLock.tryAcquire(task.dir(), this);
        if (lock == null) {
          throw new StateStoreException("Cannot clean up " + task.dir() + ": it is locked by "
              + DirectoryLock.holder(task.dir()) + "; close the application first");
        }
        deleteLocked(task.dir(), lock);
        LOG.info("Deleted the state directory {} of task {} (clean-up)", task.dir(), task.id());
      }
    } finally {
      if (!held) {
        unlockApplication();
      }
    }
  }

  /**
   * Deletes the directories of tasks that no thread or process holds and that nobody touched for
   * {@code state.cleanup.delay.ms}; the runtime calls it periodically. Each deletion is logged;
   * a directory that cannot be deleted is logged and left for the next call.
   *
   * @param nowMs the current time in epoch milliseconds
   * @return the tasks whose directories were deleted
   */
  public List<TaskId> cleanRemovedTasks(long nowMs) {
    List<TaskId> removed = new ArrayList<>();
    for (TaskDir task : taskDirs()) {
      if (taskLocks.containsKey(task.id()) || DirectoryLock.heldInThisProcess(task.dir())) {
        continue;
      }
      long idleMs = nowMs - task.dir().lastModified();
      if (idleMs <= cleanupDelayMs) {
        continue;
      }
      DirectoryLock lock = DirectoryLock.tryAcquire(task.dir(), this);
      if (lock == null) {
        continue;
      }
      try {
        deleteLocked(task.dir(), lock);
        LOG.info("Deleted the state directory {} of task {}: unassigned and unused for {} ms"
            + " (state.cleanup.delay.ms is {})", task.dir(), task.id(), idleMs, cleanupDelayMs);
        removed.add(task.id());
      } catch (StateStoreException e) {
        LOG.warn("Could not delete the unused state directory {}; retrying later", task.dir(), e);
      }
    }
    return removed;
  }

  /**
   * Deletes a task's stores and checkpoint. If this instance holds the task's lock, the
   * directory and its lock file stay (so the lock keeps meaning something); otherwise the whole
   * directory goes.
   */
  public void wipe(TaskId taskId) {
    File dir = new File(appDir, taskId.toString());
    if (!taskLocks.containsKey(taskId)) {
      delete(dir);
      return;
    }
    File[] children = dir.listFiles();
    if (children != null) {
      for (File child : children) {
        if (!child.getName().equals(DirectoryLock.LOCK_FILE)) {
          delete(child);
        }
      }
    }
  }

  /** Releases every lock this instance holds and deletes the application's whole directory. */
  public void wipeAll() {
    close();
    delete(appDir);
  }

  /** Releases every lock this instance holds, on whichever thread took it. */
  public void close() {
    taskLocks.values().forEach(DirectoryLock::release);
    taskLocks.clear();
    unlockApplication();
  }

  private record TaskDir(TaskId id, File dir) {}

  private List<TaskDir> taskDirs() {
    File[] children = appDir.listFiles(File::isDirectory);
    List<TaskDir> result = new ArrayList<>();
    if (children != null) {
      for (File child : children) {
        try {
          result.add(new TaskDir(TaskId.parse(child.getName()), child));
        } catch (RuntimeException notATask) {
          LOG.trace("{} is not a task directory", child);
        }
      }
    }
    return result;
  }

  /**
   * Deletes a directory whose lock we hold: its content first, then the lock file and the
   * directory itself while the lock is still held, so no other thread or process can take the
   * lock in between and then lose its lock file. Platforms that cannot delete an open file
   * (Windows) delete the rest after the release.
   */
  private static void deleteLocked(File dir, DirectoryLock lock) {
    try {
      File[] children = dir.listFiles();
      if (children != null) {
        for (File child : children) {
          if (!child.getName().equals(DirectoryLock.LOCK_FILE)) {
            delete(child);
          }
        }
      }
      File lockFile = new File(dir, DirectoryLock.LOCK_FILE);
      if (lockFile.delete() || !lockFile.exists()) {
        dir.delete();
      }
    } finally {
      lock.release();
    }
    if (dir.exists()) {
      delete(dir);
    }
  }

  private static File mkdirs(File dir) {
    if (!dir.isDirectory() && !dir.mkdirs() && !dir.isDirectory()) {
      throw new StateStoreException("Cannot create the state directory " + dir
          + "; check that state.dir points to a writable place");
    }
    return dir;
  }

  private static void delete(File file) {
    try {
      Utils.delete(file);
    } catch (IOException e) {
      throw new StateStoreException("Cannot delete " + file + ": " + e, e);
    }
  }
}
