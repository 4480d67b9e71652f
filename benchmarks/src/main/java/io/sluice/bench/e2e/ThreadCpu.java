package io.sluice.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time per thread of a live process, from Linux's {@code /proc/<pid>/task}, summed by thread
 * name with digits removed (so the JIT's {@code C2 CompilerThread0} and {@code 1} add up, as do
 * the GC workers). Used with {@code --profile} to see where the CPU of a run went, JIT and GC
 * threads included (flight-recording samples cover Java threads only).
 */
final class ThreadCpu {
  private static final double TICKS_PER_SECOND = 100.0;

  private ThreadCpu() {}

  /**
   * @return CPU seconds per thread-name group of the process {@code pid} now
   * @throws IOException if {@code /proc} cannot be read
   */
  static Map<String, Double> read(long pid) throws IOException {
    Map<String, Double> byName = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
              .replaceAll("[0-9]+", "#");
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double seconds =
              (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
          byName.merge(name, seconds, Double::sum);
        } catch (IOException threadEnded) {
          // The thread ended between listing and reading: its time is no longer counted.
        }
      }
    }
    return byName;
  }

  /**
   * @return one line per thread group with the CPU seconds it used between {@code before} and
   *     {@code after}, largest first, and the total
   */
  static String delta(Map<String, Double> before, Map<String, Double> after) {
    List<Map.Entry<String, Double>> rows = new ArrayList<>();
    double total = 0;
    for (Map.Entry<String, Double> entry : after.entrySet()) {
      double used = entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
      total += used;
      rows.add(Map.entry(entry.getKey(), used));
    }
    rows.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Double> row : rows) {
      if (row.getValue() > 0) {
        out.append(String.format(Locale.ROOT, "%8.2f s  %s%n", row.getValue(), row.getKey()));
      }
    }
    return out.append(String.format(Locale.ROOT, "%8.2f s  total%n", total)).toString();
  }
}
