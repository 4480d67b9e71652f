package io.sluice.runtime.internals.assignment;

import static io.sluice.runtime.internals.assignment.Topologies.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.ManualTime;
import io.sluice.state.TaskId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;

/**
 * The cooperative protocol's rules over random groups: no partition goes to a new owner while
 * another member still owns it, and the follow-up rebalance completes the hand-over.
 */
class CooperativeRebalanceTest {
  private final TopologyMetadata topology = TopologyMetadata.of(Topologies.wordCount(), "app");
  private final Cluster cluster = cluster(Map.of("input", 6));

  @Property(tries = 100)
  void noPartitionChangesOwnerInOneRoundAndTheGroupSettlesInTwo(
      @ForAll @IntRange(min = 1, max = 4) int processes, @ForAll long seed) {
    Random random = new Random(seed);
    FakeTopicAdmin admin = new FakeTopicAdmin();
    StreamsConfig config = new StreamsConfig(Map.of(StreamsConfig.APPLICATION_ID, "app",
        StreamsConfig.BOOTSTRAP_SERVERS, "localhost:9092"));
    Map<String, SluiceAssignor> assignors = new LinkedHashMap<>();
    Map<String, FakeContext> contexts = new HashMap<>();
    Map<String, List<TopicPartition>> owned = new HashMap<>();
    for (int p = 0; p < processes; p++) {
      int threads = 1 + random.nextInt(3);
      for (int t = 0; t < threads; t++) {
        String member = "m-" + p + "-" + t;
        FakeContext context = new FakeContext(new UUID(0, p), null, topology, config);
        context.threads = threads;
        SluiceAssignor assignor = new SluiceAssignor(admin, new ManualTime(0));
        assignor.configure(Map.of(AssignorContext.CONFIG_KEY, context));
        assignors.put(member, assignor);
        contexts.put(member, context);
        owned.put(member, new ArrayList<>());
      }
    }
    TaskLayout layout = topology.layout(cluster);
    List<String> members = new ArrayList<>(assignors.keySet());
    for (TaskId task : layout.tasks().keySet()) {
      if (random.nextBoolean()) {
        String member = members.get(random.nextInt(members.size()));
        contexts.get(member).active.add(task);
        owned.get(member).addAll(layout.tasks().get(task));
      }
    }

    for (int round = 0; round < 2; round++) {
      Map<String, Assignment> result = rebalance(assignors, owned);
      Map<TopicPartition, String> ownerBefore = new HashMap<>();
      owned.forEach((member, parts) -> parts.forEach(tp -> ownerBefore.put(tp, member)));
      result.forEach((member, assignment) -> assignment.partitions().forEach(tp ->
          assertThat(ownerBefore.getOrDefault(tp, member)).as("owner of %s", tp)
              .isEqualTo(member)));
      result.forEach((member, assignment) -> {
        assignors.get(member).onAssignment(assignment, null);
        owned.put(member, new ArrayList<>(assignment.partitions()));
      });
    }
    Set<TaskId> active = new HashSet<>();
    contexts.values().forEach(c -> active.addAll(c.last().activeTasks().keySet()));
    assertThat(active).isEqualTo(layout.tasks().keySet());
  }

  private Map<String, Assignment> rebalance(Map<String, SluiceAssignor> assignors,
      Map<String, List<TopicPartition>> owned) {
    Map<String, Subscription> subscriptions = new HashMap<>();
    assignors.forEach((member, assignor) -> subscriptions.put(member, new Subscription(
        List.copyOf(topology.sourceTopics()), assignor.subscriptionUserData(Set.of()),
        owned.get(member))));
    return assignors.values().iterator().next()
        .assign(cluster, new GroupSubscription(subscriptions)).groupAssignment();
  }
}
