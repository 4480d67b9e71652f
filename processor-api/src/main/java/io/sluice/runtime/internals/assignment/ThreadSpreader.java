package io.sluice.runtime.internals.assignment;

import io.sluice.state.TaskId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Spreads one process's tasks of one kind over its consumers: each consumer gets {@code n / k}
 * or {@code n / k + 1} of them, and keeps the tasks it owned as far as that allows.
 */
final class ThreadSpreader {
  private ThreadSpreader() {}

  /**
   * @param consumers member ids, in a stable order
   * @param tasks the tasks to spread
   * @param previous per member id, the tasks of this kind it owned (absent: none)
   * @return per member id (all present, in the given order), its tasks
   */
  static Map<String, SortedSet<TaskId>> spread(List<String> consumers, SortedSet<TaskId> tasks,
      Map<String, Set<TaskId>> previous) {
    Map<String, SortedSet<TaskId>> result = new LinkedHashMap<>();
    consumers.forEach(c -> result.put(c, new TreeSet<>()));
    int share = tasks.size() / consumers.size();
    int pool = tasks.size() % consumers.size();
    Set<TaskId> placed = new TreeSet<>();
    for (String consumer : consumers) {
      for (TaskId task : new TreeSet<>(previous.getOrDefault(consumer, Set.of()))) {
        SortedSet<TaskId> mine = result.get(consumer);
        if (!tasks.contains(task) || placed.contains(task)) {
          continue;
        }
        if (mine.size() < share || (mine.size() == share && pool > 0)) {
          pool -= mine.size() == share ? 1 : 0;
          mine.add(task);
          placed.add(task);
        }
      }
    }
    List<String> order = new ArrayList<>(consumers);
    for (TaskId task : tasks) {
      if (placed.contains(task)) {
        continue;
      }
      order.sort(Comparator.comparingInt(c -> result.get(c).size()));
      String consumer = order.get(0);
      SortedSet<TaskId> mine = result.get(consumer);
      pool -= mine.size() == share ? 1 : 0;
      mine.add(task);
    }
    return result;
  }
}
