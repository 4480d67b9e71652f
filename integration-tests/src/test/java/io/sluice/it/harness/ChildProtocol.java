package io.sluice.it.harness;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The line protocol between a child application JVM and the test: the child prints lines that
 * start with {@link #PREFIX} (state changes, counters, errors); the test writes {@link
 * #CLOSE_COMMAND} to the child's standard input to close it.
 */
public final class ChildProtocol {
  /** Start of every line meant for the test. */
  public static final String PREFIX = "SLUICE-IT ";
  /** The command, one line on standard input, that closes the application and exits. */
  public static final String CLOSE_COMMAND = "close";

  private ChildProtocol() {}

  /** The line reporting a state change of the application. */
  public static String stateChange(String newState, String oldState) {
    return PREFIX + "state " + newState + " from " + oldState;
  }

  /** The line reporting a counter's current value. */
  public static String counter(String name, long value) {
    return PREFIX + "counter " + name + "=" + value;
  }

  /** The line reporting an error (an uncaught exception or a failed start). */
  public static String error(String message) {
    return PREFIX + "error " + message.replace('\n', ' ');
  }

  /** Matches the line reporting a change to {@code state}. */
  public static Predicate<String> stateLine(String state) {
    return line -> line.startsWith(PREFIX + "state " + state + " ");
  }

  /** The last value reported for {@code name} in {@code lines}. */
  public static Optional<Long> lastCounter(List<String> lines, String name) {
    Optional<Long> last = Optional.empty();
    for (String line : lines) {
      Long value = counterValue(line, name);
      if (value != null) {
        last = Optional.of(value);
      }
    }
    return last;
  }

  /** The largest value reported for {@code name} in {@code lines}, or 0. */
  public static long maxCounter(List<String> lines, String name) {
    long max = 0;
    for (String line : lines) {
      Long value = counterValue(line, name);
      if (value != null) {
        max = Math.max(max, value);
      }
    }
    return max;
  }

  private static Long counterValue(String line, String name) {
    String head = PREFIX + "counter " + name + "=";
    if (!line.startsWith(head)) {
      return null;
    }
    try {
      return Long.parseLong(line.substring(head.length()).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
