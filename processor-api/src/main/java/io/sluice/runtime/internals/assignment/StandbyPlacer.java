package io.sluice.runtime.internals.assignment;

import io.sluice.state.TaskId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places {@code num.standby.replicas} standby copies of every stateful task, each on a process
 * that holds no other copy (active, warm-up or standby). Among the candidates it prefers, in
 * order: a rack that holds no copy yet (when {@code client.rack} is set), the process that ran
 * the standby before, a process whose copy of the state is caught up (within {@code
 * acceptable.recovery.lag}), the least loaded process (standbys per thread), the least lag.
 */
final class StandbyPlacer {
  private static final Logger LOG = LoggerFactory.getLogger(StandbyPlacer.class);

  private StandbyPlacer() {}

  /**
   * @param clients the processes, in process id order
   * @param statefulTasks the tasks with changelogs and their end offset sums
   * @param active active tasks by process
   * @param warmups warm-up tasks by process
   * @param acceptableLag {@code acceptable.recovery.lag}, in records
   * @return standby tasks by process (every process present)
   */
  static Map<UUID, TreeSet<TaskId>> place(List<ClientState> clients,
      Map<TaskId, Long> statefulTasks, Map<UUID, ? extends Set<TaskId>> active,
      Map<UUID, ? extends Set<TaskId>> warmups, int replicas, long acceptableLag) {
    Map<UUID, TreeSet<TaskId>> standbys = new TreeMap<>();
    clients.forEach(c -> standbys.put(c.processId(), new TreeSet<>()));
    if (replicas <= 0) {
      return standbys;
    }
    for (TaskId task : new TreeSet<>(statefulTasks.keySet())) {
      List<ClientState> copies = new ArrayList<>();
      for (ClientState c : clients) {
        if (active.get(c.processId()).contains(task)
            || warmups.get(c.processId()).contains(task)) {
          copies.add(c);
        }
      }
      int placed = 0;
      for (; placed < replicas; placed++) {
        ClientState best = clients.stream().filter(c -> !copies.contains(c))
            .min(Comparator.comparingInt((ClientState c) -> rackTaken(c, copies) ? 1 : 0)
                .thenComparingInt(c -> c.ownedStandby().contains(task) ? 0 : 1)
                .thenComparingInt(c -> c.lag(task, statefulTasks.get(task)) <= acceptableLag ? 0
                    : 1)
                .thenComparingDouble(
                    c -> (double) standbys.get(c.processId()).size() / c.capacity())
                .thenComparingLong(c -> c.lag(task, statefulTasks.get(task)))
                .thenComparing(ClientState::processId))
            .orElse(null);
        if (best == null) {
          break;
        }
        standbys.get(best.processId()).add(task);
        copies.add(best);
      }
      if (placed < replicas) {
        LOG.warn("Task {} gets {} of {} standby replicas: only {} instances are in the group",
            task, placed, replicas, clients.size());
      }
    }
    return standbys;
  }

  private static boolean rackTaken(ClientState candidate, List<ClientState> copies) {
    return candidate.rack() != null
        && copies.stream().anyMatch(c -> candidate.rack().equals(c.rack()));
  }
}
