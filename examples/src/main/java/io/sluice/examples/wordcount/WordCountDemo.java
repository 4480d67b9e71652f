package io.sluice.examples.wordcount;

import io.sluice.state.KeyValue;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TopologyTestDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The README demo: runs the word-count topology on sample text through the test driver and prints
 * every count update, then the final counts.
 */
public final class WordCountDemo {

  private static final List<String> SAMPLE = List.of(
      "the quick brown fox jumps over the lazy dog",
      "the dog barks and the fox runs",
      "a lazy afternoon for a lazy dog");

  private WordCountDemo() {}

  /** Runs the demo; takes no arguments. */
  public static void main(String[] args) {
    Properties props = new Properties();
    props.put("application.id", "word-count-demo");
    try (TopologyTestDriver driver = new TopologyTestDriver(WordCountTopology.build(), props)) {
      TestInputTopic<String, String> lines = driver.createInputTopic(WordCountTopology.INPUT,
          Serdes.String().serializer(), Serdes.String().serializer(),
          Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(1));
      TestOutputTopic<String, Long> counts = driver.createOutputTopic(WordCountTopology.OUTPUT,
          Serdes.String().deserializer(), Serdes.Long().deserializer());

      Map<String, Long> latest = new TreeMap<>();
      for (String line : SAMPLE) {
        System.out.println("> " + line);
        lines.pipeInput(line);
        for (KeyValue<String, Long> update : counts.readKeyValuesToList()) {
          System.out.printf("    %-10s %d%n", update.key(), update.value());
          latest.put(update.key(), update.value());
        }
      }
      System.out.println("Final counts: " + latest);
    }
  }
}
