package io.sluice.runtime.internals.assignment;

import static io.sluice.runtime.internals.assignment.Topologies.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.ManualTime;
import io.sluice.state.TaskId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.RebalanceProtocol;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** The assignor end to end over fake members: subscriptions, the leader, and onAssignment. */
class SluiceAssignorTest {
  private static final UUID P1 = new UUID(0, 1);
  private static final UUID P2 = new UUID(0, 2);
  /** kafka-clients deprecates every public constructor of ConsumerGroupMetadata. */
  private static final org.apache.kafka.clients.consumer.ConsumerGroupMetadata NO_GROUP_METADATA =
      null;
  private final FakeTopicAdmin admin = new FakeTopicAdmin();
  private final ManualTime time = new ManualTime(1_000_000);
  private final TopologyMetadata topology = TopologyMetadata.of(Topologies.wordCount(), "app");
  private final Cluster cluster = cluster(Map.of("input", 6));
  /** Members in join order, with their contexts and the partitions they own. */
  private final Map<String, FakeContext> contexts = new LinkedHashMap<>();
  private final Map<String, List<TopicPartition>> owned = new HashMap<>();
  private final Map<String, SluiceAssignor> assignors = new LinkedHashMap<>();
  private final Map<String, Object> settings = new HashMap<>();

  private static StreamsConfig config(Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(Map.of(StreamsConfig.APPLICATION_ID, "app",
        StreamsConfig.BOOTSTRAP_SERVERS, "localhost:9092"));
    props.putAll(extra);
    return new StreamsConfig(props);
  }

  private FakeContext join(String member, UUID process, String rack) {
    FakeContext context = new FakeContext(process, "host-" + process.getLeastSignificantBits()
        + ":80", topology, config(settings));
    SluiceAssignor assignor = new SluiceAssignor(admin, time);
    Map<String, Object> configs = new HashMap<>();
    configs.put(AssignorContext.CONFIG_KEY, context);
    if (rack != null) {
      configs.put("client.rack", rack);
    }
    assignor.configure(configs);
    contexts.put(member, context);
    owned.put(member, new ArrayList<>());
    assignors.put(member, assignor);
    return context;
  }

  /** Runs one rebalance: subscriptions, the first member as leader, then onAssignment. */
  private Map<String, Assignment> rebalance(Cluster metadata) {
    Map<String, Subscription> subscriptions = new HashMap<>();
    contexts.forEach((member, context) -> subscriptions.put(member, new Subscription(
        List.copyOf(topology.sourceTopics()),
        assignors.get(member).subscriptionUserData(topology.sourceTopics()),
        owned.get(member))));
    String leader = contexts.keySet().iterator().next();
    Map<String, Assignment> result = assignors.get(leader)
        .assign(metadata, new GroupSubscription(subscriptions)).groupAssignment();
    result.forEach((member, assignment) -> {
      assignors.get(member).onAssignment(assignment,
          NO_GROUP_METADATA);
      owned.put(member, new ArrayList<>(assignment.partitions()));
    });
    return result;
  }

  @Test
  void aGroupGetsEveryTaskOnceAndTheInternalTopicsAreCreated() {
    join("a-1", P1, null).threads = 2;
    join("a-2", P1, null).threads = 2;
    join("b-1", P2, null);
    Map<String, Assignment> result = rebalance(cluster);

    assertThat(admin.topics).containsEntry("app-count-repartition", 6)
        .containsEntry("app-counts-changelog", 6);
    List<TaskId> active = new ArrayList<>();
    contexts.values().forEach(c -> active.addAll(c.last().activeTasks().keySet()));
    assertThat(active).hasSize(12).doesNotHaveDuplicates();
    contexts.values().forEach(c -> assertThat(c.last().activeTasks()).hasSize(4));
    result.forEach((member, assignment) -> assertThat(new TreeSet<>(assignment.partitions()
        .stream().map(TopicPartition::toString).toList())).isEqualTo(new TreeSet<>(
        contexts.get(member).last().activePartitions().stream().map(TopicPartition::toString)
            .toList())));
    AssignmentInfo any = contexts.get("b-1").last();
    assertThat(any.partitionsByHost()).containsOnlyKeys("host-1:80", "host-2:80");
    assertThat(any.partitionsByHost().get("host-2:80"))
        .isEqualTo(contexts.get("b-1").last().activePartitions());
    assertThat(any.errorCode()).isZero();
    assertThat(any.nextProbingTimeMs()).isEqualTo(AssignmentInfo.NO_PROBING);
  }

  @Test
  void aProcessWithoutTasksIsStillListedByItsEndpointWithEmptySets() {
    UUID p3 = new UUID(0, 3);
    join("a-1", P1, null);
    join("b-1", P2, null);
    join("c-1", p3, null);
    rebalance(cluster(Map.of("input", 1)));

    List<String> idle = new ArrayList<>();
    contexts.forEach((member, context) -> {
      if (context.last().activeTasks().isEmpty() && context.last().standbyTasks().isEmpty()) {
        idle.add("host-" + context.processId().getLeastSignificantBits() + ":80");
      }
    });
    assertThat(idle).as("two tasks, three processes").isNotEmpty();
    AssignmentInfo any = contexts.get("a-1").last();
    assertThat(any.partitionsByHost())
        .containsOnlyKeys("host-1:80", "host-2:80", "host-3:80");
    assertThat(any.standbyPartitionsByHost())
        .containsOnlyKeys("host-1:80", "host-2:80", "host-3:80");
    idle.forEach(host -> {
      assertThat(any.partitionsByHost().get(host)).isEmpty();
      assertThat(any.standbyPartitionsByHost().get(host)).isEmpty();
    });
  }

  @Test
  void aMovingTaskIsRevokedFirstAndAssignedInTheFollowUpRebalance() {
    join("a-1", P1, null);
    rebalance(cluster);
    assertThat(contexts.get("a-1").active).hasSize(12);
    join("b-1", P2, null);

    rebalance(cluster);
    assertThat(contexts.get("a-1").active).hasSize(6);
    assertThat(contexts.get("b-1").active).isEmpty();

    rebalance(cluster);
    assertThat(contexts.get("a-1").active).hasSize(6);
    assertThat(contexts.get("b-1").active).hasSize(6);
    Set<TaskId> all = new TreeSet<>(contexts.get("a-1").active);
    all.addAll(contexts.get("b-1").active);
    assertThat(all).hasSize(12);

    Set<TaskId> before = new TreeSet<>(contexts.get("a-1").active);
    rebalance(cluster);
    assertThat(contexts.get("a-1").active).isEqualTo(before);
  }

  @Test
  void laggingStateStaysAndGetsAWarmupAndAProbingTime() {
    join("a-1", P1, null);
    rebalance(cluster);
    for (int p = 0; p < 6; p++) {
      admin.ends.put(new TopicPartition("app-counts-changelog", p), 50_000L);
    }
    join("b-1", P2, null).threads = 2;
    join("b-2", P2, null).threads = 2;
    rebalance(cluster);
    rebalance(cluster);

    // P1's share is 4 of 12: it keeps 4 stateful tasks, and 2 more because P2 has no state
    assertThat(contexts.get("a-1").active).hasSize(6)
        .allSatisfy(task -> assertThat(task.subtopology()).isEqualTo(1));
    Map<TaskId, Set<TopicPartition>> warmups = new HashMap<>();
    warmups.putAll(contexts.get("b-1").last().warmupTasks());
    warmups.putAll(contexts.get("b-2").last().warmupTasks());
    assertThat(warmups).hasSize(2);
    assertThat(warmups.values()).allSatisfy(parts -> assertThat(parts)
        .singleElement().extracting(TopicPartition::topic).isEqualTo("app-counts-changelog"));
    assertThat(contexts.get("b-1").last().nextProbingTimeMs()).isEqualTo(1_000_000 + 600_000);
  }

  @Test
  void statelessTasksMoveBeforeStatefulOnes() {
    join("a-1", P1, null);
    rebalance(cluster);
    for (int p = 0; p < 6; p++) {
      admin.ends.put(new TopicPartition("app-counts-changelog", p), 50_000L);
    }
    join("b-1", P2, null);
    rebalance(cluster);
    rebalance(cluster);
    assertThat(contexts.get("a-1").active).hasSize(6)
        .allSatisfy(task -> assertThat(task.subtopology()).isEqualTo(1));
    assertThat(contexts.get("b-1").active).hasSize(6)
        .allSatisfy(task -> assertThat(task.subtopology()).isEqualTo(0));
    assertThat(contexts.get("b-1").last().nextProbingTimeMs())
        .isEqualTo(AssignmentInfo.NO_PROBING);
  }

  @Test
  void aMissingSourceTopicReachesEveryMemberAsAnError() {
    join("a-1", P1, null);
    join("b-1", P2, null);
    Map<String, Assignment> result = rebalance(cluster(Map.of("other", 1)));
    assertThat(result.values()).allSatisfy(a -> assertThat(a.partitions()).isEmpty());
    contexts.values().forEach(c -> {
      assertThat(c.last().errorCode()).isEqualTo(AssignmentInfo.ERROR_MISSING_SOURCE_TOPIC);
      assertThat(c.last().errorMessage()).contains("input");
    });
  }

  @Test
  void aShutdownRequestReachesEveryMember() {
    join("a-1", P1, null);
    join("b-1", P2, null).shutdown = AssignmentInfo.ERROR_SHUTDOWN_APPLICATION;
    rebalance(cluster);
    contexts.values().forEach(c -> {
      assertThat(c.last().errorCode()).isEqualTo(AssignmentInfo.ERROR_SHUTDOWN_APPLICATION);
      assertThat(c.last().errorMessage()).contains(P2.toString());
    });
  }

  @Test
  void unreadableOrFutureSubscriptionsAreAnErrorForTheGroup() {
    join("a-1", P1, null);
    SluiceAssignor leader = assignors.get("a-1");
    Map<String, Subscription> subs = new HashMap<>();
    subs.put("a-1", new Subscription(List.of("input"), leader.subscriptionUserData(Set.of())));
    subs.put("x", new Subscription(List.of("input"), ByteBuffer.wrap(new byte[] {7, 7, 0})));
    Map<String, Assignment> result = leader.assign(cluster, new GroupSubscription(subs))
        .groupAssignment();
    AssignmentInfo info = AssignmentInfo.decode(result.get("a-1").userData());
    assertThat(info.errorCode()).isEqualTo(AssignmentInfo.ERROR_UNSUPPORTED_VERSION);
    assertThat(info.errorMessage()).contains("Member x").contains("version 7");

    subs.put("x", new Subscription(List.of("input"), null));
    info = AssignmentInfo.decode(leader.assign(cluster, new GroupSubscription(subs))
        .groupAssignment().get("x").userData());
    assertThat(info.errorMessage()).contains("no Sluice subscription");
  }

  @Test
  void anUnreadableAssignmentReachesTheContextAsAnError() {
    FakeContext context = join("a-1", P1, null);
    assignors.get("a-1").onAssignment(new Assignment(List.of(), ByteBuffer.wrap(new byte[] {3})),
        NO_GROUP_METADATA);
    assertThat(context.last().errorCode()).isEqualTo(AssignmentInfo.ERROR_UNSUPPORTED_VERSION);
    assertThat(context.last().errorMessage()).contains("version 3");
  }

  @Test
  void aTransientAdminFailureKeepsTasksAndSchedulesARetry() {
    join("a-1", P1, null);
    rebalance(cluster);
    Set<TaskId> before = new TreeSet<>(contexts.get("a-1").active);
    admin.topics.clear();
    admin.createFailure = new TimeoutException("broker busy");
    rebalance(cluster);
    assertThat(contexts.get("a-1").active).isEqualTo(before);
    assertThat(contexts.get("a-1").last().errorCode()).isZero();
    assertThat(contexts.get("a-1").last().nextProbingTimeMs())
        .isEqualTo(1_000_000 + GroupAssigner.RETRY_BACKOFF_MS);
  }

  @Test
  void withoutEndOffsetsTheMostAdvancedCopyCountsAsCaughtUp() {
    admin.endOffsetsFailure = new org.apache.kafka.common.errors.TimeoutException("slow");
    settings.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG, 0L);
    join("a-1", P1, null).offsetSums.put(new TaskId(1, 0), 10L);
    join("b-1", P2, null).offsetSums.put(new TaskId(1, 0), 500L);
    rebalance(cluster);
    assertThat(contexts.get("b-1").active).contains(new TaskId(1, 0));
    assertThat(contexts.get("b-1").last().errorCode()).isZero();
  }

  @Test
  void anUnexpectedFailureOfTheLeaderReachesEveryMember() {
    admin.endOffsetsFailure = new IllegalStateException("bug");
    join("a-1", P1, null);
    join("b-1", P2, null);
    rebalance(cluster);
    contexts.values().forEach(c -> {
      assertThat(c.last().errorCode()).isEqualTo(AssignmentInfo.ERROR_ASSIGNMENT_FAILED);
      assertThat(c.last().errorMessage()).contains("bug");
    });
  }

  @Test
  void theRackAndTheContextReachTheSubscription() {
    FakeContext context = join("a-1", P1, "rack-7");
    context.active.add(new TaskId(0, 1));
    context.offsetSums.put(new TaskId(1, 1), 42L);
    SubscriptionInfo info = SubscriptionInfo.decode(
        assignors.get("a-1").subscriptionUserData(Set.of()));
    assertThat(info.rack()).isEqualTo("rack-7");
    assertThat(info.processId()).isEqualTo(P1);
    assertThat(info.userEndpoint()).isEqualTo("host-1:80");
    assertThat(info.ownedActiveTasks()).containsExactly(new TaskId(0, 1));
    assertThat(info.taskOffsetSums()).containsEntry(new TaskId(1, 1), 42L);
  }

  @Test
  void configurationWithoutAContextIsRefusedWithTheKey() {
    SluiceAssignor assignor = new SluiceAssignor();
    assertThatThrownBy(() -> assignor.configure(Map.of("client.id", "c")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(AssignorContext.CONFIG_KEY);
    assertThatThrownBy(() -> assignor.subscriptionUserData(Set.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not configured");
    assertThat(assignor.name()).isEqualTo("sluice");
    assertThat(assignor.supportedProtocols()).containsExactly(RebalanceProtocol.COOPERATIVE,
        RebalanceProtocol.EAGER);
  }

  @Test
  void racksFromClientRackOrTheSubscriptionKeepStandbysOffTheirActivesRack() {
    settings.put(StreamsConfig.NUM_STANDBY_REPLICAS, 1);
    join("a-1", P1, null);
    join("b-1", P2, "r1");
    join("c-1", new UUID(0, 3), "r2");
    Map<String, Subscription> subs = new HashMap<>();
    assignors.forEach((member, assignor) -> subs.put(member, new Subscription(List.of("input"),
        assignor.subscriptionUserData(Set.of()), List.of(), -1,
        member.equals("a-1") ? Optional.of("r1") : Optional.empty())));
    Map<String, Assignment> result = assignors.get("a-1")
        .assign(cluster, new GroupSubscription(subs)).groupAssignment();
    Map<String, AssignmentInfo> infos = new HashMap<>();
    result.forEach((member, a) -> infos.put(member, AssignmentInfo.decode(a.userData())));
    Set<TaskId> activeOnRackOne = new TreeSet<>(infos.get("a-1").activeTasks().keySet());
    activeOnRackOne.addAll(infos.get("b-1").activeTasks().keySet());
    activeOnRackOne.removeIf(task -> task.subtopology() == 0);
    assertThat(activeOnRackOne).isNotEmpty();
    assertThat(infos.get("c-1").standbyTasks().keySet()).containsAll(activeOnRackOne);
  }
}
