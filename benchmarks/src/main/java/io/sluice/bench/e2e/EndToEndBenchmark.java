package io.sluice.bench.e2e;

import io.sluice.testkit.KafkaCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end benchmark: starts one real broker with {@link KafkaCluster}, loads the input
 * once, then for every workload and guarantee runs each system under test in its own JVM, in an
 * order that rotates run by run, and prints medians and ratios.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.sluice.bench.e2e.EndToEndBenchmark
 * [--records N] [--runs R] [--modes a,b] [--systems SLUICE,PLAIN,KAFKA_STREAMS]
 * [--guarantees alos,eos] [--partitions P] [--heap 1g] [--report file.md] [--profile dir]}.
 * With {@code --profile}, every system under test runs with a flight recording ({@code
 * settings=profile}) written to {@code dir/<run id>.jfr} when it is stopped (with SIGTERM), and
 * its CPU time per thread (JIT and GC threads included) to {@code dir/<run id>.threads.txt}.
 */
public final class EndToEndBenchmark {
  private EndToEndBenchmark() {}

  /**
   * @param args the options above
   * @throws Exception if the broker or a run fails; the message names the run and its log file
   */
  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Path work = Files.createTempDirectory("sluice-e2e-");
    List<RunResult> results = new ArrayList<>();
    try (KafkaCluster cluster = KafkaCluster.builder()
        .brokerConfig("group.initial.rebalance.delay.ms", "0")
        .jvmOptions(List.of("-Xmx1g"))
        .start()) {
      InputLoader loader = new InputLoader(cluster, options.partitions());
      String input = loader.loadInput(options.records());
      String table = loader.loadTable();
      Path profileDir = options.profile() == null ? null
          : Files.createDirectories(Path.of(options.profile()).toAbsolutePath());
      RunExecutor executor = new RunExecutor(cluster, work, options.heap(), profileDir);
      for (Mode mode : options.modes()) {
        for (boolean eos : options.guarantees()) {
          for (int run = 1; run <= options.runs(); run++) {
            List<SystemUnderTest> order = rotated(options.systems(), run - 1);
            for (SystemUnderTest system : order) {
              if (system == SystemUnderTest.PLAIN && mode.stateful()) {
                continue;
              }
              RunResult result = executor.run(system, mode, eos, run, input, table,
                  options.records(), options.partitions());
              System.out.printf(Locale.ROOT, "%-18s %-4s %-14s run %d: %,.0f rec/s%n", mode,
                  eos ? "EOS" : "ALOS", system, run, result.throughput());
              results.add(result);
            }
          }
        }
      }
    }
    ResultTable table = new ResultTable(results);
    String report = "Records: " + options.records() + ", partitions: " + options.partitions()
        + ", runs: " + options.runs() + ", heap: " + options.heap() + ", cores: "
        + Runtime.getRuntime().availableProcessors() + "\n\n" + table.toMarkdown() + "\n```\n"
        + table.runs() + "```\n";
    System.out.println();
    System.out.println(report);
    if (options.report() != null) {
      Files.writeString(Path.of(options.report()), report);
    }
  }

  private static <T> List<T> rotated(List<T> items, int by) {
    List<T> result = new ArrayList<>(items);
    java.util.Collections.rotate(result, -(by % Math.max(1, items.size())));
    return result;
  }

  /** The parsed command line. */
  record Options(long records, int runs, List<Mode> modes, List<SystemUnderTest> systems,
      List<Boolean> guarantees, int partitions, String heap, String report, String profile) {
    static Options parse(String[] args) {
      Map<String, String> given = new java.util.HashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        if (!args[i].startsWith("--")) {
          throw new IllegalArgumentException("Expected an option like --records, got " + args[i]);
        }
        given.put(args[i].substring(2), args[i + 1]);
      }
      if (args.length % 2 != 0) {
        throw new IllegalArgumentException("Option " + args[args.length - 1] + " has no value");
      }
      List<Mode> modes = Arrays.stream(given.getOrDefault("modes", allNames(Mode.values()))
          .split(",")).map(s -> Mode.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
      List<SystemUnderTest> systems = Arrays.stream(given.getOrDefault("systems",
              allNames(SystemUnderTest.values())).split(","))
          .map(s -> SystemUnderTest.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
      List<Boolean> guarantees = Arrays.stream(given.getOrDefault("guarantees", "alos,eos")
          .split(",")).map(s -> switch (s.trim()) {
            case "alos" -> false;
            case "eos" -> true;
            default -> throw new IllegalArgumentException(
                "--guarantees takes alos and/or eos, not " + s);
          }).toList();
      return new Options(Long.parseLong(given.getOrDefault("records", "1000000")),
          Integer.parseInt(given.getOrDefault("runs", "3")), modes, systems, guarantees,
          Integer.parseInt(given.getOrDefault("partitions", "4")),
          given.getOrDefault("heap", "1g"), given.get("report"), given.get("profile"));
    }

    private static String allNames(Enum<?>[] values) {
      return String.join(",", Arrays.stream(values).map(Enum::name).toList());
    }
  }

  static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete " + dir + ": " + e);
    }
  }
}
