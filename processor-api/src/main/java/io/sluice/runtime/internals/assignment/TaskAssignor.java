package io.sluice.runtime.internals.assignment;

import io.sluice.state.TaskId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Assigns tasks in two levels, as a pure function of the group's state: first to processes
 * ({@link ActivePlacer} for active tasks and warm-ups, {@link StandbyPlacer} for standbys), then to
 * the consumers (threads) of each process ({@link ThreadSpreader}).
 *
 * <p>When every process is caught up on the tasks it is given, active tasks per thread differ by
 * at most one across the group. A task whose balanced place has no caught-up state stays on a
 * caught-up process and a warm-up replica builds the state; {@link Result#probingNeeded()} then
 * asks for a probing rebalance later, which moves the task once the warm-up is caught up.
 */
public final class TaskAssignor {
  private TaskAssignor() {}

  /**
   * The settings the assignor uses.
   *
   * @param standbyReplicas {@code num.standby.replicas}
   * @param acceptableRecoveryLag {@code acceptable.recovery.lag}, in records
   * @param maxWarmupReplicas {@code max.warmup.replicas}, for the whole group
   */
  public record Config(int standbyReplicas, long acceptableRecoveryLag, int maxWarmupReplicas) {
    /** Validates the values. */
    public Config {
      if (standbyReplicas < 0 || acceptableRecoveryLag < 0 || maxWarmupReplicas < 0) {
        throw new IllegalArgumentException("assignor settings must be >= 0 but were standbys="
            + standbyReplicas + ", acceptable lag=" + acceptableRecoveryLag + ", warm-ups="
            + maxWarmupReplicas);
      }
    }
  }

  /**
   * The tasks of one process or one consumer.
   *
   * @param active its active tasks
   * @param standby its standby tasks
   * @param warmup its warm-up tasks (standbys that will take an active task over once caught up)
   */
  public record Tasks(SortedSet<TaskId> active, SortedSet<TaskId> standby,
      SortedSet<TaskId> warmup) {
    /** Copies the sets. */
    public Tasks {
      active = Collections.unmodifiableSortedSet(new TreeSet<>(active));
      standby = Collections.unmodifiableSortedSet(new TreeSet<>(standby));
      warmup = Collections.unmodifiableSortedSet(new TreeSet<>(warmup));
    }
  }

  /**
   * An assignment.
   *
   * @param processes the tasks of each process, by process id
   * @param consumers the tasks of each consumer, by member id
   * @param probingNeeded true if some task waits for a warm-up, so a probing rebalance is due
   */
  public record Result(Map<UUID, Tasks> processes, Map<String, Tasks> consumers,
      boolean probingNeeded) {}

  /**
   * Assigns {@code tasks} to the consumers of {@code clients}.
   *
   * @param clients the processes of the group, each with at least one consumer
   * @param tasks every task of the topology
   * @param endOffsetSums per stateful task, the sum of its changelog partitions' end offsets;
   *     tasks absent here are stateless
   * @throws IllegalArgumentException if there are no clients
   */
  public static Result assign(Collection<ClientState> clients, Set<TaskId> tasks,
      Map<TaskId, Long> endOffsetSums, Config config) {
    return assign(clients, tasks, endOffsetSums, config, Map.of());
  }

  /**
   * Assigns {@code tasks} like {@link #assign(Collection, Set, Map, Config)}, treating a task no
   * consumer owns as owned by the consumer {@code hints} names, if that consumer is in the group.
   * The leader passes the consumers its previous assignment meant each task for, so a task
   * withheld during a cooperative hand-over goes to the same place in the follow-up rebalance.
   *
   * @param hints per task, the member id of the consumer it was last assigned to
   */
  public static Result assign(Collection<ClientState> clients, Set<TaskId> tasks,
      Map<TaskId, Long> endOffsetSums, Config config, Map<TaskId, String> hints) {
    Objects.requireNonNull(config, "config");
    if (clients.isEmpty()) {
      throw new IllegalArgumentException("cannot assign " + tasks.size() + " tasks to no process");
    }
    List<ClientState> sorted = new ArrayList<>(clients);
    sorted.sort(Comparator.comparing(ClientState::processId));
    Map<TaskId, Long> stateful = new TreeMap<>(endOffsetSums);
    stateful.keySet().retainAll(tasks);
    ActivePlacer placer = new ActivePlacer(sorted, new TreeSet<>(tasks), stateful,
        config.acceptableRecoveryLag());
    Map<TaskId, String> usableHints = usableHints(sorted, hints);
    Map<String, ClientState> byMember = new HashMap<>();
    Map<TaskId, UUID> processHints = new TreeMap<>();
    sorted.forEach(c -> c.consumers().keySet().forEach(m -> byMember.put(m, c)));
    usableHints.forEach((task, member) -> processHints.put(task, byMember.get(member)
        .processId()));
    placer.place(config.maxWarmupReplicas(), processHints);
    Map<UUID, TreeSet<TaskId>> standbys = StandbyPlacer.place(sorted, stateful, placer.active(),
        placer.warmups(), config.standbyReplicas(), config.acceptableRecoveryLag());
    Map<UUID, Tasks> processes = new TreeMap<>();
    Map<String, Tasks> consumers = new TreeMap<>();
    for (ClientState client : sorted) {
      UUID id = client.processId();
      Tasks tasksOfProcess = new Tasks(placer.active().get(id), standbys.get(id),
          placer.warmups().get(id));
      processes.put(id, tasksOfProcess);
      consumers.putAll(spread(client, tasksOfProcess, usableHints));
    }
    return new Result(processes, consumers, placer.heldBack() && config.maxWarmupReplicas() > 0);
  }

  /** @return the hints for tasks no consumer owns that name a consumer of the group */
  private static Map<TaskId, String> usableHints(List<ClientState> clients,
      Map<TaskId, String> hints) {
    Set<TaskId> owned = new HashSet<>();
    Set<String> members = new HashSet<>();
    clients.forEach(c -> {
      owned.addAll(c.ownedActive());
      members.addAll(c.consumers().keySet());
    });
    Map<TaskId, String> usable = new TreeMap<>();
    hints.forEach((task, member) -> {
      if (!owned.contains(task) && members.contains(member)) {
        usable.put(task, member);
      }
    });
    return usable;
  }

  private static Map<String, Tasks> spread(ClientState client, Tasks tasks,
      Map<TaskId, String> hints) {
    List<String> members = new ArrayList<>(client.consumers().keySet());
    Map<String, Set<TaskId>> ownedActive = new HashMap<>();
    Map<String, Set<TaskId>> ownedStandby = new HashMap<>();
    client.consumers().forEach((member, state) -> {
      ownedActive.put(member, new HashSet<>(state.ownedActive()));
      ownedStandby.put(member, state.ownedStandby());
    });
    hints.forEach((task, member) -> {
      if (ownedActive.containsKey(member)) {
        ownedActive.get(member).add(task);
      }
    });
    Map<String, SortedSet<TaskId>> active = ThreadSpreader.spread(members, tasks.active(),
        ownedActive);
    SortedSet<TaskId> copies = new TreeSet<>(tasks.standby());
    copies.addAll(tasks.warmup());
    Map<String, SortedSet<TaskId>> standby = ThreadSpreader.spread(members, copies, ownedStandby);
    Map<String, Tasks> result = new TreeMap<>();
    for (String member : members) {
      SortedSet<TaskId> mine = standby.get(member);
      SortedSet<TaskId> warm = new TreeSet<>(mine);
      warm.retainAll(tasks.warmup());
      mine.removeAll(warm);
      result.put(member, new Tasks(active.get(member), mine, warm));
    }
    return result;
  }
}
