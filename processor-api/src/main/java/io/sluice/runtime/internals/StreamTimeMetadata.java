package io.sluice.runtime.internals;

/**
 * The metadata committed with each input offset: a version and the partition's time (the largest
 * timestamp taken from it), so a task that moves resumes each partition's time and its stream
 * time (their maximum). Format: {@code <version>:<time ms>}. Version 1 carried the task's stream
 * time; it is read the same way.
 */
final class StreamTimeMetadata {
  static final int VERSION = 2;

  private StreamTimeMetadata() {}

  static String encode(long partitionTimeMs) {
    return VERSION + ":" + partitionTimeMs;
  }

  /**
   * The time in {@code metadata}, or {@link Long#MIN_VALUE} if it is empty or was written by
   * something else.
   */
  static long decode(String metadata) {
    if (metadata == null || !(metadata.startsWith("1:") || metadata.startsWith("2:"))) {
      return Long.MIN_VALUE;
    }
    try {
      return Long.parseLong(metadata.substring(2));
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }
}
