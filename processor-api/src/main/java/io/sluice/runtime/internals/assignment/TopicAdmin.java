package io.sluice.runtime.internals.assignment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

/**
 * The few admin operations the group leader needs, so the assignment logic can be tested without
 * a broker. {@link #of} adapts kafka-clients' {@link Admin}.
 */
public interface TopicAdmin {
  /**
   * @param topics topic names
   * @return the topics among {@code topics} that exist, with their partition counts
   * @throws org.apache.kafka.common.KafkaException if the cluster cannot be asked (retriable
   *     ones, such as timeouts, are {@link org.apache.kafka.common.errors.RetriableException})
   */
  Map<String, Integer> partitionCounts(Set<String> topics);

  /**
   * Creates the topics.
   *
   * @return per topic, null if it was created, else the failure (for example {@link
   *     org.apache.kafka.common.errors.TopicExistsException})
   */
  Map<String, Throwable> create(List<NewTopic> topics);

  /**
   * @return the end (log end) offset of each partition
   * @throws org.apache.kafka.common.KafkaException if the offsets cannot be listed
   */
  Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions);

  /** An adapter over {@code admin} that waits at most {@code timeout} per call. */
  static TopicAdmin of(Admin admin, Duration timeout) {
    return new KafkaTopicAdmin(admin, timeout);
  }
}
