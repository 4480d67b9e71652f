package io.sluice.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory and CPU time of a live process, read from Linux's {@code /proc}.
 *
 * @param peakRssBytes the high-water mark of resident memory ({@code VmHWM}), bytes
 * @param cpuSeconds user plus system CPU time since the process started, seconds
 */
record ProcessStats(long peakRssBytes, double cpuSeconds) {
  /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on. */
  private static final double TICKS_PER_SECOND = 100.0;

  /**
   * @param pid a running process
   * @return its figures now
   * @throws IOException if {@code /proc} cannot be read (not Linux, or the process is gone)
   */
  static ProcessStats read(long pid) throws IOException {
    long peakKb = -1;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmHWM:")) {
        peakKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // Fields after the parenthesised command name, which may itself contain spaces.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return new ProcessStats(peakKb * 1024, ticks / TICKS_PER_SECOND);
  }
}
