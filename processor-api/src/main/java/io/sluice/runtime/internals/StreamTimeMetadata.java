package io.sluice.runtime.internals;

/**
 * The metadata committed with each input offset: a version and the task's stream time, so a task
 * that moves resumes with the stream time it had. Format: {@code <version>:<stream time ms>}.
 */
final class StreamTimeMetadata {
  static final int VERSION = 1;

  private StreamTimeMetadata() {}

  static String encode(long streamTimeMs) {
    return VERSION + ":" + streamTimeMs;
  }

  /**
   * The stream time in {@code metadata}, or {@link Long#MIN_VALUE} if it is empty or was written
   * by something else.
   */
  static long decode(String metadata) {
    if (metadata == null || !metadata.startsWith(VERSION + ":")) {
      return Long.MIN_VALUE;
    }
    try {
      return Long.parseLong(metadata.substring(metadata.indexOf(':') + 1));
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }
}
