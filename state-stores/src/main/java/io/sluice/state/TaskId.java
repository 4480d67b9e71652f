package io.sluice.state;

/**
 * Identifies a task: one instance of a sub-topology bound to one partition of each of its source
 * topics. Printed and parsed as {@code <subtopology>_<partition>}, which is also the name of the
 * task's state directory.
 *
 * <p>It lives beside the stores because a task id addresses state (its directory, its changelog
 * partition); the processor API hands it out unchanged.
 *
 * @param subtopology the sub-topology index, {@code >= 0}
 * @param partition the partition index, {@code >= 0}
 */
public record TaskId(int subtopology, int partition) implements Comparable<TaskId> {

  /** @throws IllegalArgumentException if either part is negative */
  public TaskId {
    if (subtopology < 0 || partition < 0) {
      throw new IllegalArgumentException(
          "task id parts must be >= 0 but were " + subtopology + "_" + partition);
    }
  }

  /**
   * Parses {@code <subtopology>_<partition>}.
   *
   * @throws IllegalArgumentException if {@code text} is not of that form
   */
  public static TaskId parse(String text) {
    int sep = text.indexOf('_');
    if (sep <= 0 || sep == text.length() - 1) {
      throw new IllegalArgumentException(
          "task id must look like <subtopology>_<partition>, e.g. 0_3, but was '" + text + "'");
    }
    try {
      return new TaskId(
          Integer.parseInt(text.substring(0, sep)), Integer.parseInt(text.substring(sep + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "task id must look like <subtopology>_<partition>, e.g. 0_3, but was '" + text + "'", e);
    }
  }

  @Override
  public int compareTo(TaskId o) {
    int c = Integer.compare(subtopology, o.subtopology);
    return c != 0 ? c : Integer.compare(partition, o.partition);
  }

  @Override
  public String toString() {
    return subtopology + "_" + partition;
  }
}
