package io.sluice.dsl.differential;

import java.util.List;

/**
 * One generated input record.
 *
 * @param topic the input topic
 * @param key the key, may be null
 * @param value the value, may be null
 * @param timestamp epoch milliseconds, not monotonic
 * @param headers the headers in order; a header's value may be null
 */
record Input(String topic, String key, String value, long timestamp, List<Header> headers) {
  /**
   * @param key header key
   * @param value header value, may be null
   */
  record Header(String key, byte[] value) {}
}
