package io.sluice.examples.aggregation;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP answer of {@link CategoryTotalsServer}: status, JSON body, and the seconds of a
 * {@code Retry-After} header (0: none).
 */
record HttpReply(int status, byte[] body, int retryAfterSeconds) {

  /** Seconds a client should wait before retrying a 503. */
  static final int RETRY_AFTER_SECONDS = 1;

  static HttpReply ok(byte[] json) {
    return new HttpReply(200, json, 0);
  }

  static HttpReply error(int status, String message) {
    return new HttpReply(status, errorJson(message), 0);
  }

  static HttpReply unavailable(String message) {
    return new HttpReply(503, errorJson(message), RETRY_AFTER_SECONDS);
  }

  private static byte[] errorJson(String message) {
    StringBuilder json = new StringBuilder("{\"error\":\"");
    for (char c : message.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
