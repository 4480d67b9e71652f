package io.sluice.state.internals;

import io.sluice.state.StateStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * One time segment of a window or session store: its own RocksDB instance holding the entries whose
 * time falls in {@code [id * interval, (id + 1) * interval)}. Scans hold no native iterator beyond
 * the call, and a segment dropped by retention reads as empty, so readers never touch a closed
 * instance. Methods synchronize on the segment so a drop waits for a running scan.
 */
final class KeyValueSegment implements Comparable<KeyValueSegment> {

  private final long id;
  private final RocksDBDatabase db;

  KeyValueSegment(long id, RocksDBDatabase db) {
    this.id = id;
    this.db = db;
  }

  long id() {
    return id;
  }

  RocksDBDatabase database() {
    return db;
  }

  synchronized byte[] get(byte[] key) {
    return db.isOpen() ? db.get(key) : null;
  }

  synchronized void put(byte[] key, byte[] value) {
    db.put(key, value);
  }

  synchronized void write(WriteBatch batch) {
    db.write(batch, "restore");
  }

  /**
   * Visits entries in key order from {@code seek} (or the first key if {@code null}) while {@code
   * visitor} returns true.
   */
  synchronized void scan(byte[] seek, BiPredicate<byte[], byte[]> visitor) {
    if (!db.isOpen()) {
      return;
    }
    try (RocksIterator it = db.newIterator()) {
      if (seek == null) {
        it.seekToFirst();
      } else {
        it.seek(seek);
      }
      while (it.isValid() && visitor.test(it.key(), it.value())) {
        it.next();
      }
      try {
        it.status();
      } catch (RocksDBException e) {
        throw db.failure("scan", e);
      }
    }
  }

  synchronized void flush() {
    db.flush();
  }

  synchronized void close() {
    db.close();
  }

  /** Closes the instance and deletes its files: the segment has expired. */
  synchronized void destroy() {
    db.close();
    try (Stream<Path> files = Files.walk(db.dir().toPath())) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new StateStoreException(
          "cannot delete expired segment directory " + db.dir() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int compareTo(KeyValueSegment o) {
    return Long.compare(id, o.id);
  }
}
