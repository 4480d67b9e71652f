package io.sluice.runtime.internals.assignment;

import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.assignment.ClientState.ConsumerState;
import io.sluice.runtime.internals.assignment.TaskAssignor.Result;
import io.sluice.runtime.internals.assignment.TaskAssignor.Tasks;
import io.sluice.state.TaskId;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group leader's side of an assignment: reads the members' subscriptions, lays out the tasks
 * on the cluster, makes the internal topics ready, fetches changelog end offsets for the lags,
 * runs {@link TaskAssignor}, and encodes each member's part.
 *
 * <p>Problems no retry can fix (unreadable subscriptions, a missing source topic, co-partitioning,
 * an unusable internal topic, a shutdown request) go to every member as an error code. A
 * transient admin failure keeps every member on the tasks it owns and schedules a retry through
 * {@link AssignmentInfo#nextProbingTimeMs()}.
 */
final class GroupAssigner {
  /** How long after a transient failure the members should rebalance again, in ms. */
  static final long RETRY_BACKOFF_MS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(GroupAssigner.class);

  private final TopologyMetadata topology;
  private final StreamsConfig config;
  private final TopicAdmin admin;
  private final InternalTopicManager topics;
  private final Time time;
  /** The consumer each task was last assigned to by this leader, withheld or not. */
  private Map<TaskId, String> lastTargets = Map.of();

  GroupAssigner(TopologyMetadata topology, StreamsConfig config, TopicAdmin admin,
      InternalTopicManager topics, Time time) {
    this.topology = topology;
    this.config = config;
    this.admin = admin;
    this.topics = topics;
    this.time = time;
  }

  /**
   * @return every member's assignment, by member id; an unexpected failure reaches every member
   *     as {@link AssignmentInfo#ERROR_ASSIGNMENT_FAILED} with its message
   */
  Map<String, Assignment> assign(Cluster cluster, Map<String, Subscription> subscriptions) {
    try {
      return assignOrFail(cluster, subscriptions);
    } catch (RuntimeException e) {
      String message = "The group leader failed to assign tasks: " + e;
      LOG.error(message, e);
      return MemberAssignments.error(subscriptions.keySet(), 1,
          AssignmentInfo.ERROR_ASSIGNMENT_FAILED, message);
    }
  }

  private Map<String, Assignment> assignOrFail(Cluster cluster,
      Map<String, Subscription> subscriptions) {
    Map<String, SubscriptionInfo> infos = new TreeMap<>();
    int version = AssignmentInfo.LATEST_VERSION;
    for (Map.Entry<String, Subscription> entry : subscriptions.entrySet()) {
      try {
        SubscriptionInfo info = decode(entry.getKey(), entry.getValue().userData());
        infos.put(entry.getKey(), info);
        version = Math.min(version, info.latestSupportedVersion());
      } catch (FormatException e) {
        LOG.error("Cannot assign: {}", e.getMessage());
        return MemberAssignments.error(subscriptions.keySet(), 1,
            AssignmentInfo.ERROR_UNSUPPORTED_VERSION, e.getMessage());
      }
    }
    for (Map.Entry<String, SubscriptionInfo> entry : infos.entrySet()) {
      if (entry.getValue().shutdownRequest() != 0) {
        String message = "Instance " + entry.getValue().processId() + " (member "
            + entry.getKey() + ") asked every instance of the application to shut down";
        LOG.warn(message);
        return MemberAssignments.error(infos.keySet(), version,
            AssignmentInfo.ERROR_SHUTDOWN_APPLICATION, message);
      }
    }
    TaskLayout layout;
    try {
      layout = topology.layout(cluster);
      topics.makeReady(topics.specs(topology, layout));
    } catch (AssignmentException e) {
      LOG.error("Cannot assign tasks: {}", e.getMessage());
      return MemberAssignments.error(infos.keySet(), version, e.errorCode(), e.getMessage());
    } catch (RetriableException e) {
      LOG.warn("Internal topics are not ready ({}); members keep their tasks and rebalance in"
          + " {} ms", e.getMessage(), RETRY_BACKOFF_MS);
      return keepOwned(topology.layout(cluster), subscriptions, infos, version);
    } catch (KafkaException e) {
      String message = "Cannot create or validate the internal topics: " + e.getMessage()
          + "; check the application's ACLs (describe and create on its internal topics)";
      LOG.error(message, e);
      return MemberAssignments.error(infos.keySet(), version,
          AssignmentInfo.ERROR_INTERNAL_TOPIC, message);
    }
    return assign(layout, subscriptions, infos, version);
  }

  private Map<String, Assignment> assign(TaskLayout layout, Map<String, Subscription> subs,
      Map<String, SubscriptionInfo> infos, int version) {
    Map<UUID, ClientState> clients = clients(subs, infos, layout);
    TaskAssignor.Config assignorConfig = new TaskAssignor.Config(
        config.getInt(StreamsConfig.NUM_STANDBY_REPLICAS),
        config.getLong(StreamsConfig.ACCEPTABLE_RECOVERY_LAG),
        config.getInt(StreamsConfig.MAX_WARMUP_REPLICAS));
    Result result = TaskAssignor.assign(clients.values(), layout.tasks().keySet(),
        endOffsetSums(layout, clients), assignorConfig, lastTargets);
    Map<TaskId, String> targets = new TreeMap<>();
    result.consumers().forEach((member, tasks) -> tasks.active()
        .forEach(task -> targets.put(task, member)));
    lastTargets = targets;
    long probing = result.probingNeeded()
        ? time.milliseconds() + config.getLong(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS)
        : AssignmentInfo.NO_PROBING;
    LOG.info("Assigned {} tasks to {} instances ({} consumers){}", layout.tasks().size(),
        clients.size(), infos.size(), probing == AssignmentInfo.NO_PROBING ? ""
            : "; warm-up replicas are catching up, probing again at " + probing);
    return MemberAssignments.build(result, layout, ownedPartitions(subs), processOf(infos),
        endpoints(clients), version, probing);
  }

  private static SubscriptionInfo decode(String member, ByteBuffer userData) {
    if (userData == null || !userData.hasRemaining()) {
      throw new FormatException("Member " + member + " sent no Sluice subscription data; every"
          + " member of the group must be an instance of the same Sluice application");
    }
    int[] versions = SubscriptionInfo.peekVersions(userData);
    if (versions[0] > SubscriptionInfo.LATEST_VERSION) {
      throw new FormatException("Member " + member + " sent subscription version " + versions[0]
          + " but the group leader reads versions 1 to " + SubscriptionInfo.LATEST_VERSION
          + "; run the same Sluice release on every instance of the application");
    }
    try {
      return SubscriptionInfo.decode(userData);
    } catch (FormatException e) {
      throw new FormatException("Member " + member + ": " + e.getMessage());
    }
  }

  private static Map<UUID, ClientState> clients(Map<String, Subscription> subs,
      Map<String, SubscriptionInfo> infos, TaskLayout layout) {
    Map<UUID, TreeMap<String, ConsumerState>> consumers = new TreeMap<>();
    Map<UUID, Map<TaskId, Long>> sums = new HashMap<>();
    Map<UUID, String[]> placeOf = new HashMap<>();
    Set<TaskId> known = layout.tasks().keySet();
    infos.forEach((member, info) -> {
      UUID id = info.processId();
      consumers.computeIfAbsent(id, p -> new TreeMap<>()).put(member, new ConsumerState(member,
          retain(info.ownedActiveTasks(), known), retain(info.ownedStandbyTasks(), known)));
      Map<TaskId, Long> merged = sums.computeIfAbsent(id, p -> new HashMap<>());
      info.taskOffsetSums().forEach((task, sum) -> merged.merge(task, sum,
          (a, b) -> a == SubscriptionInfo.LATEST_OFFSET || b == SubscriptionInfo.LATEST_OFFSET
              ? SubscriptionInfo.LATEST_OFFSET : Math.max(a, b)));
      String rack = info.rack() != null ? info.rack()
          : subs.get(member).rackId().orElse(null);
      String[] place = placeOf.computeIfAbsent(id, p -> new String[2]);
      place[0] = place[0] != null ? place[0] : rack;
      place[1] = place[1] != null ? place[1] : info.userEndpoint();
    });
    Map<UUID, ClientState> clients = new TreeMap<>();
    consumers.forEach((id, members) -> clients.put(id, new ClientState(id, members.size(),
        placeOf.get(id)[0], placeOf.get(id)[1], members, sums.get(id))));
    return clients;
  }

  private static Set<TaskId> retain(Set<TaskId> tasks, Set<TaskId> known) {
    Set<TaskId> result = new TreeSet<>(tasks);
    result.retainAll(known);
    return result;
  }

  /**
   * Sums the changelog end offsets per stateful task. If they cannot be fetched, the largest
   * offset sum any instance reports stands in, so the most advanced copy counts as caught up.
   */
  private Map<TaskId, Long> endOffsetSums(TaskLayout layout, Map<UUID, ClientState> clients) {
    Set<TopicPartition> changelogs = new HashSet<>();
    layout.changelogPartitions().values().forEach(changelogs::addAll);
    Map<TopicPartition, Long> ends;
    try {
      ends = admin.endOffsets(changelogs);
    } catch (KafkaException e) {
      LOG.warn("Cannot fetch changelog end offsets ({}); judging lags by the most advanced copy",
          e.getMessage());
      ends = null;
    }
    Map<TaskId, Long> sums = new TreeMap<>();
    for (Map.Entry<TaskId, Set<TopicPartition>> task : layout.changelogPartitions().entrySet()) {
      if (task.getValue().isEmpty()) {
        continue;
      }
      long sum = 0;
      if (ends != null) {
        for (TopicPartition tp : task.getValue()) {
          sum += ends.getOrDefault(tp, 0L);
        }
      } else {
        for (ClientState client : clients.values()) {
          sum = Math.max(sum, client.offsetSums().getOrDefault(task.getKey(), 0L));
        }
      }
      sums.put(task.getKey(), sum);
    }
    return sums;
  }

  private Map<String, Assignment> keepOwned(TaskLayout layout, Map<String, Subscription> subs,
      Map<String, SubscriptionInfo> infos, int version) {
    Map<String, Tasks> consumers = new TreeMap<>();
    Set<TaskId> taken = new HashSet<>();
    infos.forEach((member, info) -> {
      Set<TaskId> active = new TreeSet<>();
      retain(info.ownedActiveTasks(), layout.tasks().keySet()).stream().filter(taken::add)
          .forEach(active::add);
      consumers.put(member, new Tasks(new TreeSet<>(active),
          new TreeSet<>(retain(info.ownedStandbyTasks(), layout.tasks().keySet())),
          new TreeSet<>()));
    });
    return MemberAssignments.build(new Result(Map.of(), consumers, false), layout,
        ownedPartitions(subs), processOf(infos), Map.of(), version,
        time.milliseconds() + RETRY_BACKOFF_MS);
  }

  private static Map<String, List<TopicPartition>> ownedPartitions(
      Map<String, Subscription> subs) {
    Map<String, List<TopicPartition>> owned = new HashMap<>();
    subs.forEach((member, sub) -> owned.put(member, sub.ownedPartitions()));
    return owned;
  }

  private static Map<String, UUID> processOf(Map<String, SubscriptionInfo> infos) {
    Map<String, UUID> result = new TreeMap<>();
    infos.forEach((member, info) -> result.put(member, info.processId()));
    return result;
  }

  private static Map<UUID, String> endpoints(Map<UUID, ClientState> clients) {
    Map<UUID, String> result = new HashMap<>();
    clients.forEach((id, client) -> result.put(id, client.endpoint()));
    return result;
  }
}
