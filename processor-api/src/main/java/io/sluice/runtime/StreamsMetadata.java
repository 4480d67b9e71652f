package io.sluice.runtime;

import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What one instance of the application holds, from the latest assignment: the stores and input
 * partitions of its active tasks, and those of its standby tasks.
 *
 * @param hostInfo the instance's {@code application.server}
 * @param stateStoreNames the stores of its active tasks
 * @param topicPartitions the input partitions of its active tasks
 * @param standbyStateStoreNames the stores of its standby tasks
 * @param standbyTopicPartitions the input partitions whose tasks it keeps as standbys
 */
public record StreamsMetadata(HostInfo hostInfo, Set<String> stateStoreNames,
    Set<TopicPartition> topicPartitions, Set<String> standbyStateStoreNames,
    Set<TopicPartition> standbyTopicPartitions) {

  /** Copies the sets. */
  public StreamsMetadata {
    Objects.requireNonNull(hostInfo, "hostInfo");
    stateStoreNames = Set.copyOf(stateStoreNames);
    topicPartitions = Set.copyOf(topicPartitions);
    standbyStateStoreNames = Set.copyOf(standbyStateStoreNames);
    standbyTopicPartitions = Set.copyOf(standbyTopicPartitions);
  }
}
