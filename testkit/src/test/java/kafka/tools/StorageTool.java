package kafka.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stands in for Kafka's storage tool in {@code BrokerLauncherTest}. It lacks the in-process entry
 * point the launcher prefers, so the launcher must fall back to running this main class in a JVM
 * of its own; it records its arguments in the file named after {@code -c}.
 */
public final class StorageTool {

  private StorageTool() {}

  /** Writes the arguments, space-separated, into the file that follows {@code -c}. */
  public static void main(String[] args) throws IOException {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("-c")) {
        Files.writeString(Path.of(args[i + 1]), String.join(" ", args), StandardCharsets.UTF_8);
      }
    }
  }
}
