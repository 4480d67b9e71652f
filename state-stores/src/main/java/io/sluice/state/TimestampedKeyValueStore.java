package io.sluice.state;

import io.sluice.serdes.ValueAndTimestamp;

/**
 * A key-value store whose values carry the timestamp of the record that last wrote them: the store
 * behind DSL tables.
 *
 * @param <K> key type
 * @param <V> value type (without the timestamp)
 */
public interface TimestampedKeyValueStore<K, V> extends KeyValueStore<K, ValueAndTimestamp<V>> {}
