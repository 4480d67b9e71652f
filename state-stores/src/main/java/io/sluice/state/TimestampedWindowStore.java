package io.sluice.state;

import io.sluice.serdes.ValueAndTimestamp;

/**
 * A window store whose values carry the timestamp of the record that last wrote them: the store
 * behind DSL windowed aggregations.
 *
 * @param <K> key type
 * @param <V> value type (without the timestamp)
 */
public interface TimestampedWindowStore<K, V> extends WindowStore<K, ValueAndTimestamp<V>> {}
