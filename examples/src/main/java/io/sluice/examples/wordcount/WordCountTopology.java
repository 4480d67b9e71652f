package io.sluice.examples.wordcount;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Word count with the Processor API: lines in, running counts per word out. Each word's count is
 * kept in a changelogged key-value store, so a restarted or moved task continues from it.
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

  /** The topology: source {@value #INPUT} → count words in store {@value #STORE} → sink. */
  public static Topology build() {
    return new Topology()
        .addSource("lines", Serdes.String().deserializer(), Serdes.String().deserializer(), INPUT)
        .addProcessor("count-words", CountWords::new, "lines")
        .addStateStore(
            Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.Long()),
            "count-words")
        .addSink("counts-out", OUTPUT, Serdes.String().serializer(),
            Serdes.Long().serializer(), "count-words");
  }

  /** Splits each line into lower-case words and forwards every word's new count. */
  static final class CountWords implements Processor<String, String, String, Long> {
    private ProcessorContext<String, Long> context;
    private KeyValueStore<String, Long> counts;

    @Override
    public void init(ProcessorContext<String, Long> context) {
      this.context = context;
      this.counts = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> line) {
      if (line.value() == null) {
        return;
      }
      for (String word : NON_WORD.split(line.value().toLowerCase(Locale.ROOT))) {
        if (word.isEmpty()) {
          continue;
        }
        Long previous = counts.get(word);
        long count = previous == null ? 1 : previous + 1;
        counts.put(word, count);
        context.forward(line.withKey(word).withValue(count));
      }
    }
  }
}
