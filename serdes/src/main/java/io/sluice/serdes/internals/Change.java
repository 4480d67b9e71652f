package io.sluice.serdes.internals;

/**
 * An update of a table row as it travels downstream or through a repartition topic: the value
 * before and after the update. Either side may be {@code null}: a {@code null} old value is an
 * insert, a {@code null} new value a delete.
 *
 * @param oldValue the previous value, or {@code null}
 * @param newValue the new value, or {@code null}
 * @param <V> the value type
 */
public record Change<V>(V oldValue, V newValue) {}
