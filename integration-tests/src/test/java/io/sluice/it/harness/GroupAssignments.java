package io.sluice.it.harness;

import io.sluice.testkit.KafkaCluster;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of one topic that each member of an application's consumer group holds, as the
 * group coordinator reports them, keyed by the part of the member's client id that names the
 * instance. For a topology with a single source topic, partition p is task {@code 0_p}.
 */
public final class GroupAssignments {
  private GroupAssignments() {}

  /**
   * The current assignment of {@code topic}'s partitions, per instance: each member is
   * attributed to the first of {@code instances} its client id contains.
   */
  public static Map<String, Set<Integer>> current(KafkaCluster kafka, String groupId,
      String topic, List<String> instances) {
    ConsumerGroupDescription group;
    try {
      group = kafka.admin().describeConsumerGroups(List.of(groupId)).all()
          .get(30, TimeUnit.SECONDS).get(groupId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot describe group " + groupId, e);
    }
    if (group.groupState() != GroupState.STABLE) {
      return Map.of();
    }
    Map<String, Set<Integer>> result = new HashMap<>();
    for (MemberDescription member : group.members()) {
      String owner = instances.stream().filter(i -> member.clientId().contains(i)).findFirst()
          .orElseThrow(() -> new AssertionError("member with client id " + member.clientId()
              + " belongs to none of " + instances));
      Set<Integer> partitions = result.computeIfAbsent(owner, o -> new TreeSet<>());
      for (TopicPartition tp : member.assignment().topicPartitions()) {
        if (tp.topic().equals(topic)) {
          partitions.add(tp.partition());
        }
      }
    }
    return result;
  }

  /**
   * Waits until the group is stable with exactly {@code instances} as members and every one of
   * {@code partitions} partitions assigned to exactly one of them; returns that assignment.
   */
  public static Map<String, Set<Integer>> awaitComplete(KafkaCluster kafka, String groupId,
      String topic, int partitions, List<String> instances, Duration timeout) {
    AtomicReference<Map<String, Set<Integer>>> last = new AtomicReference<>(Map.of());
    try {
      KafkaCluster.waitUntil(() -> {
        Map<String, Set<Integer>> now = current(kafka, groupId, topic, instances);
        last.set(now);
        if (!now.keySet().equals(new HashSet<>(instances))) {
          return false;
        }
        Set<Integer> seen = new HashSet<>();
        int total = 0;
        for (Set<Integer> owned : now.values()) {
          seen.addAll(owned);
          total += owned.size();
        }
        return seen.size() == partitions && total == partitions;
      }, timeout, "group " + groupId + " stable with " + instances + " holding all "
          + partitions + " partitions of " + topic + " once");
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + " (last seen " + last.get() + ")", e);
    }
    return last.get();
  }
}
