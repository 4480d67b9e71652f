package io.sluice.dsl.differential;

import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.common.header.Headers;

/**
 * One output record, in a form both drivers' records convert to and compare by.
 *
 * @param topic the output topic
 * @param key the key, may be null
 * @param value the value, may be null
 * @param timestamp epoch milliseconds
 * @param headers each header as {@code key=hex} ({@code key=null} for a null value)
 */
record Output(String topic, String key, String value, long timestamp, List<String> headers) {
  static Output of(String topic, String key, String value, long timestamp, Headers headers) {
    List<String> rendered = java.util.Arrays.stream(headers.toArray())
        .map(h -> h.key() + "="
            + (h.value() == null ? "null" : HexFormat.of().formatHex(h.value())))
        .toList();
    return new Output(topic, key, value, timestamp, rendered);
  }
}
