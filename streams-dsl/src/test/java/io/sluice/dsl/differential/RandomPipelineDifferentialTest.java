package io.sluice.dsl.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random chains of stateless steps, some named and some not, built on both libraries: outputs and
 * node names must match for every chain. A property test, so a failing chain is shrunk; the seed
 * is fixed so that every build tries the same chains.
 */
class RandomPipelineDifferentialTest {
  @Property(tries = 40, seed = "20261124")
  void randomChainsBehaveLikeKafkaStreams(
      @ForAll @Size(min = 1, max = 7) List<@IntRange(min = 0, max = 11) Integer> steps,
      @ForAll @IntRange(min = 0, max = 127) int namedMask,
      @ForAll long seed) {
    List<PipelineOp> ops = new ArrayList<>();
    for (int step : steps) {
      ops.add(PipelineOp.ALL.get(step));
    }
    Scenario scenario = new Scenario("chain " + ops + " named " + namedMask, List.of("in"),
        List.of("out"),
        builder -> {
          org.apache.kafka.streams.kstream.KStream<String, String> s = builder.stream("in");
          for (int i = 0; i < ops.size(); i++) {
            s = ops.get(i).kafka().apply(s, name(namedMask, i));
          }
          s.to("out");
        },
        builder -> {
          io.sluice.dsl.KStream<String, String> s = builder.stream("in");
          for (int i = 0; i < ops.size(); i++) {
            s = ops.get(i).sluice().apply(s, name(namedMask, i));
          }
          s.to("out");
        },
        true);
    Path stateDir = tempDir();
    try {
      DifferentialHarness.assertSameOutput(
          scenario, InputGenerator.generate(seed, 300, List.of("in")), stateDir);
    } finally {
      delete(stateDir);
    }
  }

  private static String name(int namedMask, int step) {
    return (namedMask & (1 << step)) != 0 ? "step-" + step + "-" : null;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("sluice-pipeline-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
