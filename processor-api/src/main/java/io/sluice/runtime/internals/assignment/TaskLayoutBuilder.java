package io.sluice.runtime.internals.assignment;

import io.sluice.state.TaskId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * Computes a {@link TaskLayout}. Repartition topics declared with -1 partitions take the largest
 * count among the source topics of the sub-topologies writing them, repeated until nothing
 * changes (a repartition topic may feed another). A co-partition group then pins its repartition
 * topics to the count of its external topics (or its largest count), and the inference runs again
 * until the pins are stable.
 */
final class TaskLayoutBuilder {
  private final TopologyMetadata topology;
  private final Function<String, Integer> clusterCounts;
  private final Set<String> clusterTopics;
  private final Map<Integer, Set<String>> sources = new TreeMap<>();
  private final Map<String, Integer> counts = new HashMap<>();
  private final Map<String, Integer> pinned = new HashMap<>();

  /**
   * @param clusterCounts the partition count of a topic in the cluster, or null if it is absent
   * @param clusterTopics the topics the cluster metadata names, to resolve source patterns
   */
  TaskLayoutBuilder(TopologyMetadata topology, Function<String, Integer> clusterCounts,
      Set<String> clusterTopics) {
    this.topology = topology;
    this.clusterCounts = clusterCounts;
    this.clusterTopics = clusterTopics;
  }

  TaskLayout build() {
    resolveSources();
    topology.repartitionTopics().forEach((topic, declared) -> {
      if (declared > 0) {
        pinned.put(topic, declared);
      }
    });
    boolean changed = true;
    while (changed) {
      inferRepartitionCounts();
      changed = applyCopartitioning();
    }
    for (String topic : topology.repartitionTopics().keySet()) {
      if (!counts.containsKey(topic)) {
        throw new AssignmentException(AssignmentInfo.ERROR_INTERNAL_TOPIC,
            "Cannot determine the partition count of repartition topic " + topic
                + ": no sub-topology writing it reads a topic of known size; declare its count");
      }
    }
    return tasks();
  }

  private void resolveSources() {
    for (SubtopologyTopics sub : topology.subtopologies()) {
      Set<String> topics = new LinkedHashSet<>(sub.sourceTopics());
      for (Pattern pattern : sub.sourcePatterns()) {
        new TreeSet<>(clusterTopics).stream()
            .filter(t -> pattern.matcher(t).matches() && !topology.isInternalTopic(t))
            .forEach(topics::add);
      }
      sources.put(sub.id(), topics);
      for (String topic : topics) {
        if (topology.repartitionTopics().containsKey(topic)) {
          continue;
        }
        Integer count = clusterCounts.apply(topic);
        if (count == null || count < 1) {
          throw new AssignmentException(AssignmentInfo.ERROR_MISSING_SOURCE_TOPIC,
              "Source topic " + topic + " of sub-topology " + sub.id() + " does not exist"
                  + " (or has no partitions); create it before starting the application");
        }
        counts.put(topic, count);
      }
    }
  }

  private void inferRepartitionCounts() {
    counts.keySet().removeIf(topic -> topology.repartitionTopics().containsKey(topic));
    counts.putAll(pinned);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (SubtopologyTopics writer : topology.subtopologies()) {
        int upstream = maxKnownCount(sources.get(writer.id()));
        for (String sink : writer.sinkTopics()) {
          boolean inferred = topology.repartitionTopics().containsKey(sink)
              && !pinned.containsKey(sink);
          if (inferred && upstream > counts.getOrDefault(sink, 0)) {
            counts.put(sink, upstream);
            changed = true;
          }
        }
      }
    }
  }

  private int maxKnownCount(Set<String> topics) {
    return topics.stream().mapToInt(t -> counts.getOrDefault(t, 0)).max().orElse(0);
  }

  /** @return true if a repartition topic was newly pinned */
  private boolean applyCopartitioning() {
    boolean changed = false;
    for (SubtopologyTopics sub : topology.subtopologies()) {
      for (Set<String> group : sub.copartitionGroups()) {
        Map<String, Integer> external = new LinkedHashMap<>();
        new TreeSet<>(group).stream().filter(t -> !topology.repartitionTopics().containsKey(t))
            .forEach(t -> external.put(t, counts.get(t)));
        if (new HashSet<>(external.values()).size() > 1) {
          throw mismatch(sub, external);
        }
        int target = external.isEmpty() ? maxKnownCount(group) : external.values().iterator()
            .next();
        if (target == 0) {
          continue;
        }
        for (String topic : new TreeSet<>(group)) {
          if (!topology.repartitionTopics().containsKey(topic)) {
            continue;
          }
          Integer pin = pinned.get(topic);
          if (pin == null) {
            pinned.put(topic, target);
            changed |= counts.getOrDefault(topic, 0) != target;
          } else if (pin != target) {
            Map<String, Integer> all = new TreeMap<>(external);
            all.put(topic, pin);
            throw mismatch(sub, all);
          }
        }
      }
    }
    return changed;
  }

  private static AssignmentException mismatch(SubtopologyTopics sub, Map<String, Integer> counts) {
    return new AssignmentException(AssignmentInfo.ERROR_COPARTITIONING,
        "Topics " + counts.keySet() + " of sub-topology " + sub.id() + " must be co-partitioned"
            + " (they feed the same store or join) but have partition counts " + counts
            + "; give them the same number of partitions, or repartition one side");
  }

  private TaskLayout tasks() {
    Map<TaskId, Set<TopicPartition>> tasks = new TreeMap<>();
    Map<TaskId, Set<TopicPartition>> changelogs = new TreeMap<>();
    Map<String, Integer> changelogCounts = new LinkedHashMap<>();
    for (SubtopologyTopics sub : topology.subtopologies()) {
      Set<String> topics = sources.get(sub.id());
      int taskCount = maxKnownCount(topics);
      Set<String> changelogTopics = topology.changelogTopics(sub.id());
      changelogTopics.forEach(topic -> changelogCounts.put(topic, taskCount));
      for (int p = 0; p < taskCount; p++) {
        TaskId id = new TaskId(sub.id(), p);
        Set<TopicPartition> inputs = new LinkedHashSet<>();
        for (String topic : topics) {
          if (p < counts.get(topic)) {
            inputs.add(new TopicPartition(topic, p));
          }
        }
        tasks.put(id, Set.copyOf(inputs));
        Set<TopicPartition> logs = new LinkedHashSet<>();
        for (String topic : changelogTopics) {
          logs.add(new TopicPartition(topic, p));
        }
        for (String topic : sub.sourceChangelogTopics()) {
          if (p < counts.getOrDefault(topic, 0)) {
            logs.add(new TopicPartition(topic, p));
          }
        }
        changelogs.put(id, Set.copyOf(logs));
      }
    }
    Map<String, Integer> allCounts = new TreeMap<>(counts);
    return new TaskLayout(allCounts, sources, new TreeMap<>(tasks), changelogs, changelogCounts);
  }
}
