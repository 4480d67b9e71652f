package io.sluice.runtime.internals;

import io.sluice.processor.TimestampExtractor;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A task's source: the node records enter through, with what turns raw bytes into its records.
 *
 * @param node the node whose processor forwards to the source's children
 */
record SourceNode(
    String name,
    ProcessorNode<Object, Object, Object, Object> node,
    Deserializer<?> keyDeserializer,
    Deserializer<?> valueDeserializer,
    TimestampExtractor timestampExtractor) {}
