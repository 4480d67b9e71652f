package io.sluice.runtime.internals.assignment;

import io.sluice.state.TaskId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Places active tasks on processes. Every process gets between {@code capacity * q} and {@code
 * capacity * (q + 1)} tasks, q being tasks per thread rounded down, with exactly as many extra
 * tasks in total as the remainder, so active tasks per thread differ by at most one.
 *
 * <ol>
 *   <li>Sticky: a process keeps the tasks it runs, up to its share; it first keeps the stateful
 *       tasks no other process has caught-up state for, as they are the costly ones to move, and
 *       last those another process could take over at once; among equals, it keeps tasks of
 *       every sub-topology (by partition, then sub-topology).
 *   <li>Fill: every other task goes to a process with room, caught-up state first, then least
 *       lag, then one with a task directory for it, then the process furthest below its share.
 *   <li>Lag: a stateful task whose chosen process is not caught up (lag above {@code
 *       acceptable.recovery.lag}) stays on a process that is, breaking the balance for now, and
 *       the chosen process gets a warm-up replica while the group's warm-up budget lasts.
 * </ol>
 */
final class ActivePlacer {
  /**
   * Partition first, then sub-topology: a process that keeps only part of its tasks keeps some of
   * each sub-topology, rather than all of the first ones, so no process is left with the tasks of
   * one sub-topology only.
   */
  private static final Comparator<TaskId> SPREAD =
      Comparator.comparingInt(TaskId::partition).thenComparingInt(TaskId::subtopology);

  private final List<ClientState> clients;
  private final SortedSet<TaskId> tasks;
  private final Map<TaskId, Long> endOffsetSums;
  private final long acceptableLag;
  private final Map<UUID, TreeSet<TaskId>> active = new TreeMap<>();
  private final Map<UUID, TreeSet<TaskId>> warmups = new TreeMap<>();
  private final Map<UUID, Integer> extras = new HashMap<>();
  private final Map<TaskId, UUID> owner = new TreeMap<>();
  private final int perThread;
  private int pool;
  private boolean heldBack;

  /**
   * @param clients the processes, in process id order
   * @param endOffsetSums per stateful task, the sum of its changelog end offsets; stateless tasks
   *     are absent
   */
  ActivePlacer(List<ClientState> clients, SortedSet<TaskId> tasks,
      Map<TaskId, Long> endOffsetSums, long acceptableLag) {
    this.clients = clients;
    this.tasks = tasks;
    this.endOffsetSums = endOffsetSums;
    this.acceptableLag = acceptableLag;
    int capacity = clients.stream().mapToInt(ClientState::capacity).sum();
    this.perThread = tasks.size() / capacity;
    this.pool = tasks.size() % capacity;
    clients.forEach(c -> {
      active.put(c.processId(), new TreeSet<>());
      warmups.put(c.processId(), new TreeSet<>());
      extras.put(c.processId(), 0);
    });
  }

  /**
   * Places every task; then read {@link #active()}, {@link #warmups()}, {@link #heldBack()}.
   *
   * @param hints per task no consumer owns, the process the previous assignment meant it for
   *     (it was withheld there while its old owner revoked it); kept like an owned task
   */
  void place(int maxWarmups, Map<TaskId, UUID> hints) {
    keepOwnedTasks(hints);
    for (TaskId task : tasks) {
      if (!owner.containsKey(task)) {
        ClientState best = clients.stream().filter(this::hasRoom)
            .min(Comparator.comparingInt((ClientState c) -> caughtUp(c, task) ? 0 : 1)
                .thenComparingLong(c -> lag(c, task))
                .thenComparingInt(c -> c.offsetSums().containsKey(task) ? 0 : 1)
                .thenComparingDouble(c -> (double) load(c) / c.capacity())
                .thenComparing(ClientState::processId))
            .orElseThrow(() -> new IllegalStateException("no process has room for " + task));
        take(best, task);
      }
    }
    preferCaughtUp(maxWarmups);
  }

  private void keepOwnedTasks(Map<TaskId, UUID> hints) {
    Map<TaskId, ClientState> previous = new HashMap<>();
    for (ClientState client : clients) {
      client.ownedActive().stream().filter(tasks::contains)
          .forEach(task -> previous.putIfAbsent(task, client));
    }
    hints.forEach((task, process) -> clients.stream()
        .filter(c -> c.processId().equals(process) && tasks.contains(task)).findFirst()
        .ifPresent(c -> previous.putIfAbsent(task, c)));
    for (ClientState client : clients) {
      List<TaskId> owned = new ArrayList<>();
      previous.forEach((task, c) -> {
        if (c == client) {
          owned.add(task);
        }
      });
      owned.sort(Comparator.comparingInt((TaskId t) -> moveCost(client, t))
          .thenComparing(SPREAD));
      owned.stream().filter(t -> hasRoom(client)).forEach(t -> take(client, t));
    }
  }

  private void preferCaughtUp(int maxWarmups) {
    int warmupsLeft = maxWarmups;
    for (TaskId task : endOffsetSums.keySet().stream().filter(tasks::contains).sorted().toList()) {
      ClientState target = client(owner.get(task));
      if (caughtUp(target, task)) {
        continue;
      }
      ClientState keeper = clients.stream().filter(c -> caughtUp(c, task))
          .min(Comparator.comparingInt((ClientState c) -> c.ownedActive().contains(task) ? 0 : 1)
              .thenComparingLong(c -> lag(c, task))
              .thenComparingDouble(c -> (double) load(c) / c.capacity())
              .thenComparing(ClientState::processId))
          .orElse(null);
      if (keeper == null) {
        continue;
      }
      active.get(target.processId()).remove(task);
      active.get(keeper.processId()).add(task);
      owner.put(task, keeper.processId());
      heldBack = true;
      if (warmupsLeft > 0) {
        warmups.get(target.processId()).add(task);
        warmupsLeft--;
      }
    }
  }

  private boolean hasRoom(ClientState client) {
    int share = client.capacity() * perThread;
    int count = load(client);
    return count < share || (pool > 0 && extras.get(client.processId()) < client.capacity());
  }

  private void take(ClientState client, TaskId task) {
    if (load(client) >= client.capacity() * perThread) {
      pool--;
      extras.merge(client.processId(), 1, Integer::sum);
    }
    active.get(client.processId()).add(task);
    owner.put(task, client.processId());
  }

  private int load(ClientState client) {
    return active.get(client.processId()).size();
  }

  private ClientState client(UUID id) {
    return clients.stream().filter(c -> c.processId().equals(id)).findFirst().orElseThrow();
  }

  /**
   * Ranks what moving {@code task} off {@code self} costs: 0 for a stateful task no other process
   * is caught up on (it would stay anyway), 1 for a stateless task, 2 for a stateful task another
   * process can take over at once. Lower ranks are kept first.
   */
  private int moveCost(ClientState self, TaskId task) {
    if (!endOffsetSums.containsKey(task)) {
      return 1;
    }
    return clients.stream().anyMatch(c -> c != self && caughtUp(c, task)) ? 2 : 0;
  }

  private boolean caughtUp(ClientState client, TaskId task) {
    return lag(client, task) <= acceptableLag;
  }

  private long lag(ClientState client, TaskId task) {
    Long end = endOffsetSums.get(task);
    return end == null ? 0 : client.lag(task, end);
  }

  /** @return active tasks by process id */
  Map<UUID, TreeSet<TaskId>> active() {
    return active;
  }

  /** @return warm-up tasks by process id */
  Map<UUID, TreeSet<TaskId>> warmups() {
    return warmups;
  }

  /** @return true if a task stayed on a caught-up process instead of its balanced place */
  boolean heldBack() {
    return heldBack;
  }
}
