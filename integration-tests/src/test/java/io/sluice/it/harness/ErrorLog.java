package io.sluice.it.harness;

import java.util.List;

/** The errors a child application reported in its log. */
public final class ErrorLog {
  private ErrorLog() {}

  /**
   * The lines of {@code child}'s log in which Sluice itself reports errors: protocol error lines
   * (the uncaught-exception handler) and {@code ERROR} lines of {@code io.sluice} loggers (not
   * those of kafka-clients, so a test sees what the runtime says).
   */
  public static List<String> errorLines(ChildJvm child) {
    return child.allLines().stream()
        .filter(line -> line.startsWith(ChildProtocol.PREFIX + "error")
            || line.contains(" ERROR io.sluice."))
        .toList();
  }
}
