package io.sluice.examples.wordcount;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.Grouped;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Produced;
import io.sluice.dsl.StreamsBuilder;
import io.sluice.processor.Topology;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Word count with the DSL: lines in, running counts per word out. The lines are split into
 * lower-case words, re-keyed by word (through the repartition topic {@code
 * <application.id>-words-by-word-repartition}), and counted in the changelogged store {@value
 * #STORE}, so a restarted or moved task continues from its counts.
 */
public final class WordCountTopology {

  /** The topic the lines are read from (key ignored, value a line of text). */
  public static final String INPUT = "text-lines";

  /** The topic the counts go to (key a word, value its count so far). */
  public static final String OUTPUT = "word-counts";

  /** The store that holds the count per word. */
  public static final String STORE = "counts";

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

  private WordCountTopology() {}

  /**
   * @param props the application's settings (store type, optimisation, naming checks)
   * @return the topology: source {@value #INPUT} → words → count in {@value #STORE} → sink
   */
  public static Topology build(Properties props) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String()).withName("lines"))
        .flatMapValues(line -> line == null ? java.util.List.<String>of()
            : Arrays.stream(NON_WORD.split(line.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty()).toList(), Named.as("split-words"))
        .groupBy((key, word) -> word, Grouped.with("words-by-word", Serdes.String(),
            Serdes.String()))
        .count(Named.as("count-words"), Materialized.as(STORE))
        .toStream(Named.as("counts-as-stream"))
        .to(OUTPUT, Produced.with(Serdes.String(), Serdes.Long()).withName("counts-out"));
    return builder.build(props);
  }
}
