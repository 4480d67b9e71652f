package io.sluice.runtime.internals.query;

import io.sluice.processor.StreamPartitioner;
import io.sluice.runtime.HostInfo;
import io.sluice.runtime.KeyQueryMetadata;
import io.sluice.runtime.StreamsMetadata;
import io.sluice.runtime.internals.InternalTopologyBuilder.SubtopologyView;
import io.sluice.runtime.internals.assignment.AssignmentInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Which instance holds what, from an assignment's partition-to-host maps and the topology's
 * stores per sub-topology: a task's store lives where the task's input partitions are assigned,
 * and every instance holds a full copy of each global store. Instances without {@code
 * application.server} do not appear.
 */
public final class QueryMetadata {
  private final List<SubtopologyView> subtopologies;
  private final Set<String> globalStores;
  private final HostInfo self;

  /**
   * @param subtopologies the topology's sub-topologies, with resolved topic names
   * @param globalStores the names of the topology's global stores
   * @param self this instance's {@code application.server}, or {@link HostInfo#UNAVAILABLE}
   */
  public QueryMetadata(List<SubtopologyView> subtopologies, Collection<String> globalStores,
      HostInfo self) {
    this.subtopologies = List.copyOf(subtopologies);
    this.globalStores = new TreeSet<>(globalStores);
    this.self = self;
  }

  /** Whether some sub-topology has a store named {@code storeName}. */
  public boolean hasStore(String storeName) {
    return subtopologyOf(storeName).isPresent();
  }

  /** The store names of the topology (global stores excluded), sorted. */
  public Set<String> storeNames() {
    Set<String> names = new TreeSet<>();
    subtopologies.forEach(s -> names.addAll(s.stores()));
    return names;
  }

  /** Every instance's metadata in {@code info}; empty when {@code info} is null. */
  public List<StreamsMetadata> all(AssignmentInfo info) {
    if (info == null) {
      return List.of();
    }
    Set<String> hosts = new TreeSet<>(info.partitionsByHost().keySet());
    hosts.addAll(info.standbyPartitionsByHost().keySet());
    List<StreamsMetadata> result = new ArrayList<>();
    for (String host : hosts) {
      Set<TopicPartition> active = info.partitionsByHost().getOrDefault(host, Set.of());
      Set<TopicPartition> standby = info.standbyPartitionsByHost().getOrDefault(host, Set.of());
      Set<String> stores = storesReading(active);
      stores.addAll(globalStores);
      result.add(new StreamsMetadata(HostInfo.parse(host), stores, active,
          storesReading(standby), standby));
    }
    return result;
  }

  /** The instances holding an active or standby copy of some partition of {@code storeName}. */
  public List<StreamsMetadata> forStore(AssignmentInfo info, String storeName) {
    return all(info).stream().filter(m -> m.stateStoreNames().contains(storeName)
        || m.standbyStateStoreNames().contains(storeName)).toList();
  }

  /**
   * Where {@code key} of {@code storeName} lives, partitioned as the default partitioner does. A
   * global store is whole on every instance, so its key lives here: this instance, no standbys,
   * partition -1.
   */
  public <K> KeyQueryMetadata forKey(AssignmentInfo info, String storeName, K key,
      Serializer<K> keySerializer) {
    return forKey(info, storeName, (topic, n) -> {
      byte[] bytes = keySerializer.serialize(topic, key);
      return Optional.of(Utils.toPositive(Utils.murmur2(bytes)) % n);
    });
  }

  /** Where {@code key} of {@code storeName} lives, partitioned by {@code partitioner}. */
  public <K> KeyQueryMetadata forKey(AssignmentInfo info, String storeName, K key,
      StreamPartitioner<? super K, ?> partitioner) {
    return forKey(info, storeName, (topic, n) -> partitioner.partition(topic, key, null, n));
  }

  private interface PartitionOf {
    Optional<Integer> apply(String topic, int numPartitions);
  }

  private KeyQueryMetadata forKey(AssignmentInfo info, String storeName, PartitionOf partitionOf) {
    if (info != null && globalStores.contains(storeName)) {
      return new KeyQueryMetadata(self, Set.of(), -1);
    }
    Optional<SubtopologyView> sub = subtopologyOf(storeName);
    if (info == null || sub.isEmpty()) {
      return KeyQueryMetadata.NOT_AVAILABLE;
    }
    Set<String> topics = topicsOf(sub.get());
    for (String topic : new TreeSet<>(topics)) {
      int partitions = partitionCount(info, topic);
      if (partitions == 0) {
        continue;
      }
      Optional<Integer> chosen = partitionOf.apply(topic, partitions);
      if (chosen == null || chosen.isEmpty()) {
        return KeyQueryMetadata.NOT_AVAILABLE;
      }
      TopicPartition tp = new TopicPartition(topic, chosen.get());
      HostInfo active = HostInfo.UNAVAILABLE;
      for (Map.Entry<String, Set<TopicPartition>> e : info.partitionsByHost().entrySet()) {
        if (e.getValue().contains(tp)) {
          active = HostInfo.parse(e.getKey());
        }
      }
      Set<HostInfo> standbys = new LinkedHashSet<>();
      info.standbyPartitionsByHost().forEach((host, tps) -> {
        if (tps.contains(tp)) {
          standbys.add(HostInfo.parse(host));
        }
      });
      return new KeyQueryMetadata(active, standbys, tp.partition());
    }
    return KeyQueryMetadata.NOT_AVAILABLE;
  }

  private static int partitionCount(AssignmentInfo info, String topic) {
    int max = -1;
    for (Collection<Set<TopicPartition>> all : List.of(info.partitionsByHost().values(),
        info.standbyPartitionsByHost().values())) {
      for (Set<TopicPartition> tps : all) {
        for (TopicPartition tp : tps) {
          if (tp.topic().equals(topic)) {
            max = Math.max(max, tp.partition());
          }
        }
      }
    }
    return max + 1;
  }

  private Optional<SubtopologyView> subtopologyOf(String storeName) {
    return subtopologies.stream().filter(s -> s.stores().contains(storeName)).findFirst();
  }

  private static Set<String> topicsOf(SubtopologyView sub) {
    Set<String> topics = new HashSet<>();
    sub.sourceTopics().values().forEach(topics::addAll);
    return topics;
  }

  private Set<String> storesReading(Set<TopicPartition> partitions) {
    Set<String> topics = new HashSet<>();
    partitions.forEach(tp -> topics.add(tp.topic()));
    Set<String> stores = new TreeSet<>();
    for (SubtopologyView sub : subtopologies) {
      if (topicsOf(sub).stream().anyMatch(topics::contains)) {
        stores.addAll(sub.stores());
      }
    }
    return stores;
  }
}
