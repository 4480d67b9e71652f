package io.sluice.runtime.internals;

import org.apache.kafka.common.TopicPartition;

/**
 * The restoration of one changelog partition of one task, as {@link StoreChangelogReader} tracks
 * it: unknown bounds until the first round, then reading from {@code startOffset} until the
 * restore consumer's position reaches {@code endOffset}.
 */
final class ChangelogPartitionState {
  /** Where a partition stands. */
  enum Phase {
    /** Registered; bounds not read yet. */
    NEW,
    /** Reading; the consumer must seek to the start before the next poll if {@code seek}. */
    RESTORING,
    /** The position reached the captured end. */
    COMPLETED
  }

  final StreamTask task;
  final TopicPartition changelog;
  final String storeName;
  Phase phase = Phase.NEW;
  boolean seek;
  long startOffset = -1L;
  long endOffset = -1L;
  long position = -1L;
  long restored;

  ChangelogPartitionState(StreamTask task, TopicPartition changelog, String storeName) {
    this.task = task;
    this.changelog = changelog;
    this.storeName = storeName;
  }

  /** Offsets still to read up to the captured end (0 before the bounds are known). */
  long remaining() {
    return phase == Phase.RESTORING ? Math.max(0L, endOffset - Math.max(position, startOffset))
        : 0L;
  }
}
