package io.sluice.runtime.internals.assignment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent id of an application instance, kept in {@code
 * <state.dir>/<application.id>/sluice-process.id} so a restarted instance keeps its identity (and
 * the group leader gives it back its tasks). The file holds one line: a version number, a space,
 * and the UUID.
 */
public final class ProcessIdFile {
  /** The file name inside the application's state directory. */
  public static final String FILE_NAME = "sluice-process.id";
  private static final Logger LOG = LoggerFactory.getLogger(ProcessIdFile.class);
  private static final String VERSION = "1";

  private ProcessIdFile() {}

  /**
   * Reads the id from the file, or creates a new random id and writes it atomically (a temporary
   * file moved into place) when the file is missing. A file that cannot be parsed is replaced by
   * a new id, with a warning.
   *
   * @param stateDir the {@code state.dir} setting
   * @param applicationId the application id
   * @return the instance's process id
   * @throws UncheckedIOException naming the file if it cannot be read or written
   */
  public static UUID loadOrCreate(Path stateDir, String applicationId) {
    Path dir = stateDir.resolve(applicationId);
    Path file = dir.resolve(FILE_NAME);
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).trim();
      UUID id = parse(text);
      if (id != null) {
        return id;
      }
      LOG.warn("Process id file {} is corrupt ('{}'); replacing it with a new id, so this instance"
          + " will not get its previous tasks back preferentially", file, text);
    } catch (NoSuchFileException e) {
      LOG.debug("No process id file at {}; creating one", file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process id file " + file
          + "; check the permissions of state.dir", e);
    }
    UUID id = UUID.randomUUID();
    write(dir, file, id);
    return id;
  }

  private static UUID parse(String text) {
    String[] parts = text.split(" ");
    if (parts.length != 2 || !parts[0].equals(VERSION)) {
      return null;
    }
    try {
      UUID id = UUID.fromString(parts[1]);
      return id.toString().equals(parts[1]) ? id : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void write(Path dir, Path file, UUID id) {
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp");
      Files.writeString(temp, VERSION + " " + id + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the process id file " + file
          + "; check that state.dir is writable", e);
    }
  }
}
