package io.sluice.runtime.internals.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.internals.assignment.ClientState.ConsumerState;
import io.sluice.runtime.internals.assignment.TaskAssignor.Config;
import io.sluice.runtime.internals.assignment.TaskAssignor.Result;
import io.sluice.runtime.internals.assignment.TaskAssignor.Tasks;
import io.sluice.state.TaskId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties of the two-level assignment over random groups. */
class TaskAssignorPropertiesTest {

  @Property(tries = 300)
  void everyTaskIsActiveExactlyOnceAndStatelessTasksAreBalancedPerThread(
      @ForAll @IntRange(min = 1, max = 7) int processes,
      @ForAll @IntRange(min = 1, max = 40) int taskCount, @ForAll long seed) {
    Group group = Group.random(processes, taskCount, seed);
    Result result = TaskAssignor.assign(group.clients(), group.tasks, Map.of(),
        new Config(1, 0, 2));

    List<TaskId> actives = new ArrayList<>();
    result.consumers().values().forEach(t -> actives.addAll(t.active()));
    assertThat(actives).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(group.tasks);
    IntSummaryStatistics perThread = result.consumers().values().stream()
        .mapToInt(t -> t.active().size()).summaryStatistics();
    assertThat(perThread.getMax() - perThread.getMin()).isLessThanOrEqualTo(1);
    assertThat(result.probingNeeded()).isFalse();
    result.consumers().values().forEach(t -> assertThat(t.standby()).isEmpty());
  }

  @Property(tries = 200)
  void statefulTasksAreBalancedTooWhenEveryCopyIsCaughtUp(
      @ForAll @IntRange(min = 1, max = 7) int processes,
      @ForAll @IntRange(min = 1, max = 40) int taskCount, @ForAll long seed) {
    Group group = Group.random(processes, taskCount, seed);
    Map<TaskId, Long> ends = group.randomLags(seed, 1_000);
    Result result = TaskAssignor.assign(group.clients(), group.tasks, ends,
        new Config(1, 1_000, 2));
    IntSummaryStatistics perThread = result.consumers().values().stream()
        .mapToInt(t -> t.active().size()).summaryStatistics();
    assertThat(perThread.getMax() - perThread.getMin()).isLessThanOrEqualTo(1);
    assertThat(result.probingNeeded()).isFalse();
    result.processes().values().forEach(t -> assertThat(t.warmup()).isEmpty());
  }

  @Property(tries = 300)
  void aProcessKeepsItsTasksUpToItsShare(
      @ForAll @IntRange(min = 1, max = 7) int processes,
      @ForAll @IntRange(min = 1, max = 40) int taskCount, @ForAll long seed) {
    Group group = Group.random(processes, taskCount, seed);
    Result result = TaskAssignor.assign(group.clients(), group.tasks, Map.of(),
        new Config(0, 0, 2));
    int threads = group.clients().stream().mapToInt(ClientState::capacity).sum();
    int perThread = group.tasks.size() / threads;
    for (ClientState client : group.clients()) {
      Set<TaskId> kept = new HashSet<>(group.previousOwnerOf(client));
      kept.retainAll(result.processes().get(client.processId()).active());
      assertThat(kept.size()).as("tasks kept by %s", client.processId())
          .isGreaterThanOrEqualTo(Math.min(group.previousOwnerOf(client).size(),
              client.capacity() * perThread));
    }
  }

  @Property(tries = 200)
  void aBalancedAssignmentIsStable(@ForAll @IntRange(min = 1, max = 6) int processes,
      @ForAll @IntRange(min = 1, max = 30) int taskCount, @ForAll long seed) {
    Group group = Group.random(processes, taskCount, seed);
    Result first = TaskAssignor.assign(group.clients(), group.tasks, Map.of(),
        new Config(0, 0, 2));
    group.adopt(first);
    Result second = TaskAssignor.assign(group.clients(), group.tasks, Map.of(),
        new Config(0, 0, 2));
    assertThat(second.consumers()).isEqualTo(first.consumers());
  }

  @Property(tries = 300)
  void standbysNeverShareAProcessWithAnotherCopyAndFillWhatTheGroupAllows(
      @ForAll @IntRange(min = 1, max = 6) int processes,
      @ForAll @IntRange(min = 1, max = 30) int taskCount,
      @ForAll @IntRange(min = 0, max = 3) int replicas, @ForAll long seed) {
    Group group = Group.random(processes, taskCount, seed);
    Map<TaskId, Long> ends = group.randomLags(seed, 100);
    Result result = TaskAssignor.assign(group.clients(), group.tasks, ends,
        new Config(replicas, 10, 2));
    for (TaskId task : group.tasks) {
      int copies = 0;
      for (Tasks tasks : result.processes().values()) {
        int here = (tasks.active().contains(task) ? 1 : 0) + (tasks.standby().contains(task) ? 1
            : 0) + (tasks.warmup().contains(task) ? 1 : 0);
        assertThat(here).as("copies of %s on one process", task).isLessThanOrEqualTo(1);
        copies += tasks.standby().contains(task) ? 1 : 0;
      }
      int expected = ends.containsKey(task) ? Math.min(replicas, processes - 1
          - warmupHolders(result, task)) : 0;
      assertThat(copies).as("standbys of %s", task).isEqualTo(Math.max(0, expected));
    }
  }

  @Property(tries = 300)
  void activeStatefulTasksGoToCaughtUpProcessesWhenThereAreAny(
      @ForAll @IntRange(min = 1, max = 6) int processes,
      @ForAll @IntRange(min = 1, max = 30) int taskCount,
      @ForAll @IntRange(min = 0, max = 4) int maxWarmups, @ForAll long seed) {
    Group group = Group.random(processes, taskCount, seed);
    Map<TaskId, Long> ends = group.randomLags(seed, 100);
    long acceptable = 10;
    Result result = TaskAssignor.assign(group.clients(), group.tasks, ends,
        new Config(1, acceptable, maxWarmups));
    int warmups = 0;
    for (ClientState client : group.clients()) {
      Tasks tasks = result.processes().get(client.processId());
      for (TaskId task : tasks.active()) {
        boolean anyCaughtUp = group.clients().stream()
            .anyMatch(c -> c.lag(task, ends.getOrDefault(task, 0L)) <= acceptable);
        if (anyCaughtUp && ends.containsKey(task)) {
          assertThat(client.lag(task, ends.get(task))).isLessThanOrEqualTo(acceptable);
        }
      }
      for (TaskId task : tasks.warmup()) {
        assertThat(tasks.active()).doesNotContain(task);
        assertThat(ends).containsKey(task);
      }
      warmups += tasks.warmup().size();
    }
    assertThat(warmups).isLessThanOrEqualTo(maxWarmups);
    if (warmups > 0) {
      assertThat(result.probingNeeded()).isTrue();
    }
    if (maxWarmups == 0) {
      assertThat(result.probingNeeded()).isFalse();
    }
  }

  @Property(tries = 200)
  void threadsOfAProcessDifferByAtMostOneAndKeepTheirTasks(
      @ForAll @IntRange(min = 1, max = 4) int processes,
      @ForAll @IntRange(min = 1, max = 30) int taskCount, @ForAll long seed) {
    Group group = Group.random(processes, taskCount, seed);
    Result result = TaskAssignor.assign(group.clients(), group.tasks, Map.of(),
        new Config(0, 0, 0));
    for (ClientState client : group.clients()) {
      Tasks ofProcess = result.processes().get(client.processId());
      int share = ofProcess.active().size() / client.consumers().size();
      IntSummaryStatistics counts = client.consumers().keySet().stream()
          .mapToInt(m -> result.consumers().get(m).active().size()).summaryStatistics();
      assertThat(counts.getMax() - counts.getMin()).isLessThanOrEqualTo(1);
      for (ConsumerState consumer : client.consumers().values()) {
        Set<TaskId> stillHere = new TreeSet<>(consumer.ownedActive());
        stillHere.retainAll(ofProcess.active());
        Set<TaskId> kept = new TreeSet<>(stillHere);
        kept.retainAll(result.consumers().get(consumer.memberId()).active());
        assertThat(kept.size()).isGreaterThanOrEqualTo(Math.min(stillHere.size(), share));
      }
    }
  }

  @Property(tries = 200)
  void aStandbySharesItsActivesRackOnlyWhenNoOtherRackIsLeft(
      @ForAll @IntRange(min = 2, max = 6) int processes,
      @ForAll @IntRange(min = 1, max = 20) int taskCount, @ForAll long seed) {
    Group group = Group.random(processes, taskCount, seed);
    Map<TaskId, Long> ends = new TreeMap<>();
    group.tasks.forEach(t -> ends.put(t, 0L));
    Map<UUID, String> racks = new HashMap<>();
    List<ClientState> clients = new ArrayList<>();
    for (ClientState c : group.clients()) {
      String rack = "rack-" + group.random.nextInt(3);
      racks.put(c.processId(), rack);
      clients.add(new ClientState(c.processId(), c.capacity(), rack, null, c.consumers(),
          c.offsetSums()));
    }
    Result result = TaskAssignor.assign(clients, group.tasks, ends, new Config(1, 0, 0));
    for (TaskId task : group.tasks) {
      UUID active = holder(result, task, true);
      UUID standby = holder(result, task, false);
      if (racks.get(active).equals(racks.get(standby))) {
        assertThat(racks.entrySet()).filteredOn(e -> !e.getKey().equals(active))
            .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(racks.get(active)));
      }
    }
  }

  private static UUID holder(Result result, TaskId task, boolean active) {
    return result.processes().entrySet().stream()
        .filter(e -> (active ? e.getValue().active() : e.getValue().standby()).contains(task))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  private static int warmupHolders(Result result, TaskId task) {
    return (int) result.processes().values().stream().filter(t -> t.warmup().contains(task))
        .count();
  }

  /** A random group: processes with 1 to 3 consumers, tasks, and a random prior ownership. */
  static final class Group {
    final Set<TaskId> tasks = new TreeSet<>();
    final Map<UUID, Integer> threads = new TreeMap<>();
    final Map<UUID, Map<TaskId, Long>> offsetSums = new HashMap<>();
    final Map<String, Set<TaskId>> ownedActive = new TreeMap<>();
    final Map<String, Set<TaskId>> ownedStandby = new TreeMap<>();
    final Map<String, UUID> processOf = new TreeMap<>();
    final Random random;

    Group(long seed) {
      random = new Random(seed);
    }

    static Group random(int processes, int taskCount, long seed) {
      Group group = new Group(seed);
      for (int i = 0; i < processes; i++) {
        UUID id = new UUID(0, i);
        int consumers = 1 + group.random.nextInt(3);
        group.threads.put(id, consumers);
        group.offsetSums.put(id, new HashMap<>());
        for (int c = 0; c < consumers; c++) {
          String member = "m-" + i + "-" + c;
          group.processOf.put(member, id);
          group.ownedActive.put(member, new TreeSet<>());
          group.ownedStandby.put(member, new TreeSet<>());
        }
      }
      int subtopologies = 1 + group.random.nextInt(3);
      for (int i = 0; group.tasks.size() < taskCount; i++) {
        group.tasks.add(new TaskId(i % subtopologies, i / subtopologies));
      }
      List<String> members = new ArrayList<>(group.processOf.keySet());
      for (TaskId task : group.tasks) {
        if (group.random.nextInt(3) > 0) {
          group.ownedActive.get(members.get(group.random.nextInt(members.size()))).add(task);
        }
      }
      return group;
    }

    /** Makes about half the tasks stateful with random end offsets and per-process sums. */
    Map<TaskId, Long> randomLags(long seed, int maxEnd) {
      Map<TaskId, Long> ends = new TreeMap<>();
      for (TaskId task : tasks) {
        if (random.nextBoolean()) {
          long end = random.nextInt(maxEnd);
          ends.put(task, end);
          for (UUID id : threads.keySet()) {
            if (random.nextBoolean()) {
              offsetSums.get(id).put(task, (long) random.nextInt(maxEnd));
            }
          }
        }
      }
      return ends;
    }

    Set<TaskId> previousOwnerOf(ClientState client) {
      // the first process (in id order) claiming a task keeps the claim
      Set<TaskId> result = new TreeSet<>();
      for (TaskId task : client.ownedActive()) {
        boolean earlier = clients().stream()
            .filter(c -> c.processId().compareTo(client.processId()) < 0)
            .anyMatch(c -> c.ownedActive().contains(task));
        if (!earlier) {
          result.add(task);
        }
      }
      return result;
    }

    /** Makes {@code result} the current ownership. */
    void adopt(Result result) {
      result.consumers().forEach((member, tasks) -> {
        ownedActive.put(member, new TreeSet<>(tasks.active()));
        ownedStandby.put(member, new TreeSet<>(tasks.standby()));
      });
    }

    List<ClientState> clients() {
      List<ClientState> clients = new ArrayList<>();
      threads.forEach((id, count) -> {
        TreeMap<String, ConsumerState> consumers = new TreeMap<>();
        processOf.forEach((member, process) -> {
          if (process.equals(id)) {
            consumers.put(member, new ConsumerState(member, ownedActive.get(member),
                ownedStandby.get(member)));
          }
        });
        clients.add(new ClientState(id, count, null, null, consumers, offsetSums.get(id)));
      });
      Collections.shuffle(clients, random);
      return clients;
    }
  }
}
