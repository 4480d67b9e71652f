package io.sluice.state;

/**
 * An iterator over the windows of one key: each entry's key is the window start in epoch
 * milliseconds.
 *
 * @param <V> value type
 */
public interface WindowStoreIterator<V> extends KeyValueIterator<Long, V> {}
