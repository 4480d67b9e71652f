package io.sluice.runtime.internals.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/** An in-memory {@link TopicAdmin}: topics with partition counts and end offsets. */
final class FakeTopicAdmin implements TopicAdmin {
  final Map<String, Integer> topics = new TreeMap<>();
  final Map<String, Map<String, String>> configs = new TreeMap<>();
  final Map<String, Short> replication = new TreeMap<>();
  final Map<TopicPartition, Long> ends = new HashMap<>();
  final List<String> createCalls = new ArrayList<>();
  /** Topics another instance creates between our describe and our create (a race). */
  final Map<String, Integer> createdByOthers = new TreeMap<>();
  /** Topics that stay invisible for this many describe calls after creation. */
  int invisibleDescribes;
  /** The failure create reports for every topic, or null. */
  RuntimeException createFailure;
  /** Thrown by endOffsets, or null. */
  RuntimeException endOffsetsFailure;

  @Override
  public Map<String, Integer> partitionCounts(Set<String> names) {
    Map<String, Integer> counts = new HashMap<>();
    if (invisibleDescribes > 0 && !createCalls.isEmpty()) {
      invisibleDescribes--;
      return counts;
    }
    names.stream().filter(topics::containsKey).forEach(t -> counts.put(t, topics.get(t)));
    return counts;
  }

  @Override
  public Map<String, Throwable> create(List<NewTopic> newTopics) {
    Map<String, Throwable> results = new HashMap<>();
    for (NewTopic topic : newTopics) {
      createCalls.add(topic.name());
      if (createdByOthers.containsKey(topic.name())) {
        topics.put(topic.name(), createdByOthers.get(topic.name()));
        results.put(topic.name(), new TopicExistsException(topic.name() + " exists"));
      } else if (createFailure != null) {
        results.put(topic.name(), createFailure);
      } else {
        topics.put(topic.name(), topic.numPartitions());
        configs.put(topic.name(), topic.configs());
        replication.put(topic.name(), topic.replicationFactor());
        results.put(topic.name(), null);
      }
    }
    return results;
  }

  @Override
  public Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
    if (endOffsetsFailure != null) {
      throw endOffsetsFailure;
    }
    Map<TopicPartition, Long> result = new HashMap<>();
    partitions.forEach(tp -> result.put(tp, ends.getOrDefault(tp, 0L)));
    return result;
  }
}
