package io.sluice.runtime.internals.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.internals.assignment.ClientState.ConsumerState;
import io.sluice.runtime.internals.assignment.TaskAssignor.Config;
import io.sluice.runtime.internals.assignment.TaskAssignor.Result;
import io.sluice.state.TaskId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scenarios of scaling, warm-ups and rack-aware standbys. */
class TaskAssignorTest {
  private static final UUID A = new UUID(0, 1);
  private static final UUID B = new UUID(0, 2);
  private static final UUID C = new UUID(0, 3);
  private static final Set<TaskId> SIX = tasks(0, 6);

  @Test
  void scalingOutStatelessMovesOnlyWhatBalanceNeeds() {
    ClientState a = client(A, null, Map.of(), consumer("a1", SIX, Set.of()));
    Result result = TaskAssignor.assign(List.of(a, client(B, null, Map.of(), consumer("b1")),
        client(C, null, Map.of(), consumer("c1"))), SIX, Map.of(), new Config(0, 0, 2));
    assertThat(result.processes().get(A).active()).hasSize(2).isSubsetOf(SIX);
    assertThat(result.processes().get(B).active()).hasSize(2);
    assertThat(result.processes().get(C).active()).hasSize(2);
    assertThat(result.probingNeeded()).isFalse();
  }

  /**
   * Two processes run two sub-topologies of six partitions (each owner alternating partitions)
   * and stateful tasks, and any lag is acceptable (so nothing is held back); a third joins. Each
   * keeps four tasks, and
   * every process ends up with tasks of both sub-topologies rather than the newcomer taking only
   * the second sub-topology's.
   */
  @Test
  void aNewcomerGetsTasksOfEverySubtopology() {
    Set<TaskId> all = new TreeSet<>(SIX);
    all.addAll(tasks(1, 6));
    Set<TaskId> ofA = new TreeSet<>();
    Set<TaskId> ofB = new TreeSet<>();
    all.forEach(t -> (t.partition() % 2 == 0 ? ofA : ofB).add(t));
    Map<TaskId, Long> ends = new TreeMap<>();
    all.forEach(t -> ends.put(t, 1_000L));
    Map<TaskId, Long> sumsA = new HashMap<>();
    ofA.forEach(t -> sumsA.put(t, 1_000L));
    Map<TaskId, Long> sumsB = new HashMap<>();
    ofB.forEach(t -> sumsB.put(t, 1_000L));
    Result result = TaskAssignor.assign(List.of(
        client(A, null, sumsA, consumer("a1", ofA, Set.of())),
        client(B, null, sumsB, consumer("b1", ofB, Set.of())),
        client(C, null, Map.of(), consumer("c1"))), all, ends,
        new Config(0, Long.MAX_VALUE, 0));
    for (UUID process : List.of(A, B, C)) {
      assertThat(result.processes().get(process).active()).hasSize(4)
          .extracting(TaskId::subtopology).containsOnly(0, 1).contains(0, 1);
    }
  }

  @Test
  void statefulTasksStayOnTheCaughtUpOwnerUntilWarmupsCatchUp() {
    Map<TaskId, Long> ends = new TreeMap<>();
    SIX.forEach(t -> ends.put(t, 1_000L));
    Map<UUID, Map<TaskId, Long>> sums = new HashMap<>();
    sums.put(A, new HashMap<>());
    sums.put(B, new HashMap<>());
    Map<String, Set<TaskId>> owned = new HashMap<>(Map.of("a1", SIX, "b1", Set.of()));
    Config config = new Config(0, 100, 2);
    int rounds = 0;
    Result result;
    do {
      List<ClientState> clients = List.of(
          client(A, null, sums.get(A), consumer("a1", owned.get("a1"), Set.of())),
          client(B, null, sums.get(B), consumer("b1", owned.get("b1"), Set.of())));
      result = TaskAssignor.assign(clients, SIX, ends, config);
      if (rounds == 0) {
        assertThat(result.processes().get(A).active()).isEqualTo(SIX);
        assertThat(result.processes().get(B).warmup()).hasSize(2);
        assertThat(result.probingNeeded()).isTrue();
      }
      for (TaskId warm : result.processes().get(B).warmup()) {
        sums.get(B).put(warm, 950L); // the warm-up caught up to within the acceptable lag
      }
      owned.put("a1", result.consumers().get("a1").active());
      owned.put("b1", result.consumers().get("b1").active());
      rounds++;
    } while (result.probingNeeded() && rounds < 10);
    assertThat(rounds).isEqualTo(3);
    assertThat(result.processes().get(A).active()).hasSize(3);
    assertThat(result.processes().get(B).active()).hasSize(3);
  }

  @Test
  void withoutAnyCaughtUpProcessTasksGoWhereTheLagIsLeast() {
    Map<TaskId, Long> ends = Map.of(new TaskId(0, 0), 1_000L);
    ClientState a = client(A, null, Map.of(new TaskId(0, 0), 100L), consumer("a1"));
    ClientState b = client(B, null, Map.of(new TaskId(0, 0), 600L), consumer("b1"));
    Result result = TaskAssignor.assign(List.of(a, b), Set.of(new TaskId(0, 0)), ends,
        new Config(1, 10, 2));
    assertThat(result.processes().get(B).active()).containsExactly(new TaskId(0, 0));
    assertThat(result.processes().get(A).standby()).containsExactly(new TaskId(0, 0));
    assertThat(result.probingNeeded()).isFalse();
  }

  @Test
  void standbysPreferAnotherRack() {
    TaskId task = new TaskId(0, 0);
    ClientState a = client(A, "r1", Map.of(), consumer("a1", Set.of(task), Set.of()));
    ClientState b = client(B, "r1", Map.of(), consumer("b1"));
    ClientState c = client(C, "r2", Map.of(), consumer("c1"));
    Result result = TaskAssignor.assign(List.of(a, b, c), Set.of(task), Map.of(task, 0L),
        new Config(1, 0, 0));
    assertThat(result.processes().get(A).active()).containsExactly(task);
    assertThat(result.processes().get(C).standby()).containsExactly(task);
    assertThat(result.processes().get(B).standby()).isEmpty();
  }

  @Test
  void standbysStayWhereTheyRanWhenRacksAllowIt() {
    TaskId task = new TaskId(0, 0);
    ClientState a = client(A, null, Map.of(), consumer("a1", Set.of(task), Set.of()));
    ClientState b = client(B, null, Map.of(), consumer("b1"));
    ClientState c = client(C, null, Map.of(), consumer("c1", Set.of(), Set.of(task)));
    Result result = TaskAssignor.assign(List.of(a, b, c), Set.of(task), Map.of(task, 0L),
        new Config(1, 0, 0));
    assertThat(result.processes().get(C).standby()).containsExactly(task);
    assertThat(result.consumers().get("c1").standby()).containsExactly(task);
  }

  @Test
  void standbysGoWhereTheStateIsCaughtUpBeforeBalancingLoad() {
    Set<TaskId> two = tasks(0, 2);
    ClientState a = client(A, null, Map.of(), consumer("a1", two, Set.of()), consumer("a2"));
    ClientState b = client(B, null, Map.of(), consumer("b1"));
    ClientState c = client(C, null, Map.of(new TaskId(0, 0), 990L, new TaskId(0, 1), 990L),
        consumer("c1"));
    Map<TaskId, Long> ends = Map.of(new TaskId(0, 0), 1_000L, new TaskId(0, 1), 1_000L);
    Result result = TaskAssignor.assign(List.of(a, b, c), two, ends, new Config(1, 100, 0));
    assertThat(result.processes().get(A).active()).isEqualTo(two);
    assertThat(result.processes().get(C).standby()).isEqualTo(two);
  }

  @Test
  void threadsGetTasksBalancedAndKeepTheirOwn() {
    Set<TaskId> mine = Set.of(new TaskId(0, 0), new TaskId(0, 1), new TaskId(0, 2));
    ClientState a = client(A, null, Map.of(), consumer("a1", mine, Set.of()), consumer("a2"),
        consumer("a3"));
    Result result = TaskAssignor.assign(List.of(a), SIX, Map.of(), new Config(0, 0, 0));
    assertThat(result.consumers().get("a1").active()).hasSize(2).isSubsetOf(mine);
    assertThat(result.consumers().get("a2").active()).hasSize(2);
    assertThat(result.consumers().get("a3").active()).hasSize(2);
  }

  @Test
  void capacityWeighsTheShares() {
    ClientState big = client(A, null, Map.of(), consumer("a1"), consumer("a2"), consumer("a3"));
    ClientState small = client(B, null, Map.of(), consumer("b1"));
    Result result = TaskAssignor.assign(List.of(big, small), tasks(0, 8), Map.of(),
        new Config(0, 0, 0));
    assertThat(result.processes().get(A).active()).hasSize(6);
    assertThat(result.processes().get(B).active()).hasSize(2);
  }

  @Test
  void anEmptyGroupIsRefused() {
    assertThatThrownBy(() -> TaskAssignor.assign(List.of(), SIX, Map.of(), new Config(0, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no process");
  }

  static Set<TaskId> tasks(int subtopology, int count) {
    Set<TaskId> tasks = new TreeSet<>();
    for (int p = 0; p < count; p++) {
      tasks.add(new TaskId(subtopology, p));
    }
    return tasks;
  }

  static ConsumerState consumer(String member) {
    return consumer(member, Set.of(), Set.of());
  }

  static ConsumerState consumer(String member, Set<TaskId> active, Set<TaskId> standby) {
    return new ConsumerState(member, active, standby);
  }

  static ClientState client(UUID id, String rack, Map<TaskId, Long> sums,
      ConsumerState... consumers) {
    TreeMap<String, ConsumerState> byMember = new TreeMap<>();
    for (ConsumerState consumer : consumers) {
      byMember.put(consumer.memberId(), consumer);
    }
    return new ClientState(id, consumers.length, rack, null, byMember, new HashMap<>(sums));
  }
}
