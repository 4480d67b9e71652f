package io.sluice.it.harness;

import java.util.List;

/** The error report of a child application: its error lines, exceptions and their causes. */
public final class ErrorLog {
  private ErrorLog() {}

  /**
   * The lines of {@code child}'s log that report errors: protocol error lines, slf4j {@code
   * ERROR} lines, and exception lines ({@code ...Exception: message}, {@code Caused by: ...}).
   */
  public static List<String> errorLines(ChildJvm child) {
    return child.allLines().stream()
        .filter(line -> line.startsWith(ChildProtocol.PREFIX + "error")
            || line.contains(" ERROR ") || line.startsWith("Caused by:")
            || line.matches("^[\\w.$]+(Exception|Error): .*"))
        .toList();
  }
}
