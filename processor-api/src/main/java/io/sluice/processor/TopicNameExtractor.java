package io.sluice.processor;

import java.util.Optional;

/**
 * Chooses the output topic of each record at a dynamic sink. The topic must exist; the engine does
 * not create it.
 *
 * @param <K> key type
 * @param <V> value type
 */
@FunctionalInterface
public interface TopicNameExtractor<K, V> {
  /**
   * @param record the record being sent
   * @param metadata where the record being processed came from; empty in punctuation
   * @return the topic name, never {@code null}
   */
  String extract(Record<K, V> record, Optional<RecordMetadata> metadata);
}
