package io.sluice.runtime.internals;

import io.sluice.state.StateStoreException;
import io.sluice.state.TaskId;
import java.io.File;
import java.io.IOException;
import org.apache.kafka.common.utils.Utils;

/**
 * The local state directories of an application: {@code <state.dir>/<application.id>/<task id>/}.
 */
public final class StateDirectory {
  private final File appDir;

  /**
   * @param stateDir the {@code state.dir} setting
   */
  public StateDirectory(String stateDir, String applicationId) {
    this.appDir = new File(stateDir, applicationId);
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
    File dir = new File(appDir, taskId.toString());
    if (!dir.isDirectory() && !dir.mkdirs()) {
      throw new StateStoreException("Cannot create the state directory " + dir
          + "; check that state.dir points to a writable place");
    }
    return dir;
  }

  /** Deletes a task's directory and everything in it (dirty close under exactly-once). */
  public void wipe(TaskId taskId) {
    delete(new File(appDir, taskId.toString()));
  }

  /** Deletes the application's whole directory. */
  public void wipeAll() {
    delete(appDir);
  }

  private static void delete(File file) {
    try {
      Utils.delete(file);
    } catch (IOException e) {
      throw new StateStoreException("Cannot delete " + file + ": " + e, e);
    }
  }
}
