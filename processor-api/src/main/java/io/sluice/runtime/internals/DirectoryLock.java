package io.sluice.runtime.internals;

import io.sluice.state.StateStoreException;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a directory, held by one thread: a file lock on {@code <dir>/.lock}, kept
 * open while held, so another process fails to take it, plus a JVM-wide owner table (file locks
 * are per process, not per thread), so another thread of this process fails too. The lock file
 * names its holder (process, host, thread, time), so a refusal can say who holds the directory.
 *
 * <p>Thread-safe. A thread may re-acquire a lock it holds for the same owner object.
 */
final class DirectoryLock {
  /** Name of the lock file inside a locked directory. */
  static final String LOCK_FILE = ".lock";

  private static final Map<Path, DirectoryLock> HELD = new ConcurrentHashMap<>();

  private final Path dir;
  private final Object token;
  private final Thread owner;
  private final FileChannel channel;
  private final FileLock fileLock;

  private DirectoryLock(
      Path dir, Object token, Thread owner, FileChannel channel, FileLock fileLock) {
    this.dir = dir;
    this.token = token;
    this.owner = owner;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** The locked directory. */
  Path dir() {
    return dir;
  }

  /** The thread that holds the lock. */
  Thread owner() {
    return owner;
  }

  /**
   * Takes the lock of {@code dir} (which must exist) for the calling thread on behalf of {@code
   * token} (the object that will own it); the same thread and token may take it again.
   *
   * @return the lock, or {@code null} if another thread or process holds it (see {@link #holder})
   * @throws StateStoreException if the lock file cannot be opened
   */
  static DirectoryLock tryAcquire(File dir, Object token) {
    Path key = canonical(dir);
    Thread me = Thread.currentThread();
    synchronized (HELD) {
      DirectoryLock existing = HELD.get(key);
      if (existing != null) {
        return existing.owner == me && existing.token == token ? existing : null;
      }
      Path lockFile = key.resolve(LOCK_FILE);
      FileChannel channel = null;
      try {
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock fileLock = channel.tryLock();
        if (fileLock == null) {
          channel.close();
          return null;
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(describe(me).getBytes(StandardCharsets.UTF_8)), 0);
        DirectoryLock lock = new DirectoryLock(key, token, me, channel, fileLock);
        HELD.put(key, lock);
        return lock;
      } catch (OverlappingFileLockException e) {
        closeQuietly(channel);
        return null;
      } catch (IOException e) {
        closeQuietly(channel);
        throw new StateStoreException("Cannot lock the state directory " + dir + " through "
            + lockFile + ": " + e + "; check that state.dir points to a writable place", e);
      }
    }
  }

  /**
   * Who holds the lock of {@code dir}: a thread of this process, or what the lock file says of
   * another process; "nobody" if it is free.
   */
  static String holder(File dir) {
    Path key = canonical(dir);
    DirectoryLock held = HELD.get(key);
    if (held != null) {
      return "thread '" + held.owner.getName() + "' of this process ("
          + ProcessHandle.current().pid() + ")";
    }
    try {
      String text = Files.readString(key.resolve(LOCK_FILE), StandardCharsets.UTF_8).trim();
      return text.isEmpty() ? "another process (its lock file names no holder)" : text;
    } catch (NoSuchFileException e) {
      return "nobody";
    } catch (IOException e) {
      return "another process (the lock file is unreadable: " + e + ")";
    }
  }

  /** Whether some thread of this process holds the lock of {@code dir}. */
  static boolean heldInThisProcess(File dir) {
    return HELD.containsKey(canonical(dir));
  }

  /** Releases the lock and closes the lock file; the file itself stays. Idempotent. */
  void release() {
    synchronized (HELD) {
      HELD.remove(dir, this);
      try {
        if (fileLock.isValid()) {
          fileLock.release();
        }
        channel.close();
      } catch (IOException e) {
        throw new StateStoreException("Cannot release the lock of " + dir + ": " + e, e);
      }
    }
  }

  private static String describe(Thread thread) {
    String runtime = ManagementFactory.getRuntimeMXBean().getName();
    return "process " + ProcessHandle.current().pid() + " (" + runtime + "), thread '"
        + thread.getName() + "', since " + Instant.now() + "\n";
  }

  private static Path canonical(File dir) {
    try {
      return dir.getCanonicalFile().toPath();
    } catch (IOException e) {
      return dir.getAbsoluteFile().toPath().normalize();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Already failing; the original error is the one to report.
      }
    }
  }
}
