package io.sluice.dsl.internals;

import io.sluice.processor.RecordMetadata;
import java.util.Optional;

/**
 * What deduplication remembers of the first record of an id: its timestamp and where it was read
 * from, so that the same record processed again after a crash (same topic, partition and offset)
 * is recognised as a replay rather than as a duplicate.
 *
 * @param timestamp the record's timestamp, epoch milliseconds
 * @param topic the source topic, or {@code null} when the record had no source metadata
 * @param partition the source partition, or -1
 * @param offset the source offset, or -1
 */
record DedupEntry(long timestamp, String topic, int partition, long offset) {
  static DedupEntry of(long timestamp, Optional<RecordMetadata> source) {
    return source
        .map(m -> new DedupEntry(timestamp, m.topic(), m.partition(), m.offset()))
        .orElseGet(() -> new DedupEntry(timestamp, null, -1, -1));
  }

  /** @return whether {@code source} is the very record this entry was made from */
  boolean sameSource(Optional<RecordMetadata> source) {
    return topic != null && source.isPresent()
        && topic.equals(source.get().topic())
        && partition == source.get().partition()
        && offset == source.get().offset();
  }

}
