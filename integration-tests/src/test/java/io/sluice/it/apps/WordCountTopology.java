package io.sluice.it.apps;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Word count with the Processor API: lines are split into words, re-keyed by word through the
 * internal repartition topic {@value #REPARTITION} (created by the runtime), and counted in the
 * store {@value #STORE}; every count update goes to the output topic as text.
 */
public final class WordCountTopology {
  /** Relative name of the repartition topic. */
  public static final String REPARTITION = "words-repartition";
  /** Count store name. */
  public static final String STORE = "word-counts";

  private WordCountTopology() {}

  /** Word count from {@code input} (values are lines) to {@code output} (word, count). */
  public static Topology build(String input, String output) {
    StringSerializer ser = new StringSerializer();
    Topology topology = new Topology()
        .addSource("lines", new StringDeserializer(), new StringDeserializer(), input)
        .addProcessor("split", Split::new, "lines")
        .addSink("to-words", REPARTITION, ser, ser, "split")
        .addSource("words", new StringDeserializer(), new StringDeserializer(), REPARTITION)
        .addProcessor("count", Count::new, "words")
        .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
            Serdes.String(), Serdes.Long()), "count")
        .addSink("counts", output, ser, ser, "count");
    InternalTopologyBuilder.of(topology).addInternalTopic(REPARTITION, -1);
    return topology;
  }

  private static final class Split implements Processor<String, String, String, String> {
    private ProcessorContext<String, String> context;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
      for (String word : record.value().toLowerCase(Locale.ROOT).split("\\W+")) {
        if (!word.isEmpty()) {
          context.forward(record.withKey(word).withValue(word));
        }
      }
    }
  }

  private static final class Count implements Processor<String, String, String, String> {
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Long> store;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
      this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      Long old = store.get(record.key());
      long count = old == null ? 1 : old + 1;
      store.put(record.key(), count);
      context.forward(record.withValue(Long.toString(count)));
    }
  }
}
