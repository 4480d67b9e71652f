package io.sluice.state;

import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over store entries that holds store resources until it is closed. Always close it,
 * ideally with try-with-resources.
 *
 * <p>Once its store is closed, every call but {@link #close()} throws a {@link StateStoreException}
 * naming the store.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface KeyValueIterator<K, V> extends Iterator<KeyValue<K, V>>, Closeable {

  /**
   * The key of the entry {@link #next()} would return, without advancing.
   *
   * @throws NoSuchElementException if there is no next entry
   */
  K peekNextKey();

  /** Releases the iterator's resources; closing twice is a no-op. */
  @Override
  void close();
}
