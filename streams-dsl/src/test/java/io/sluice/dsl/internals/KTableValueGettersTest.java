package io.sluice.dsl.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.StoreVariants;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.KeyValueStore;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TopologyTestDriver;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Value getters of tables, as table joins use them: a processor reading a table's current rows
 * by key, through a chain of stateless table operators (which re-apply themselves to the source's
 * store) or from a materialized operator's own store; and old-value requests materializing a
 * source table only when forced.
 */
class KTableValueGettersTest {
  private static final Consumed<String, String> STRINGS =
      Consumed.with(Serdes.String(), Serdes.String());

  static java.util.stream.Stream<Properties> variants() {
    return StoreVariants.props();
  }

  /** Builds "table" -> view, and "lookups" -> reader of the view -> "out"; returns "out". */
  private static List<String> lookUp(Properties props,
      UnaryOperator<KTableImpl<String, String>> view) {
    InternalStreamsBuilder builder = new InternalStreamsBuilder();
    KTableImpl<String, String> table = (KTableImpl<String, String>) builder.table("table",
        STRINGS, Materialized.with(null, null));
    KTableValueGetterSupplier<String, String> getters = view.apply(table).valueGetterSupplier();
    KStreamImpl<String, String> lookups =
        (KStreamImpl<String, String>) builder.stream(List.of("lookups"), null, STRINGS);
    GraphNode reader = new ProcessorNode<>("reader", false, List.of(lookups.node()),
        () -> new Processor<String, String, String, String>() {
          private final KTableValueGetter<String, String> getter = getters.get();
          private ProcessorContext<String, String> context;

          @Override
          public void init(ProcessorContext<String, String> context) {
            this.context = context;
            getter.init(context);
          }

          @Override
          public void process(Record<String, String> record) {
            ValueAndTimestamp<String> row = getter.get(record.key());
            context.forward(record.withValue(row == null ? "none"
                : row.value() + "@" + row.timestamp()));
          }
        }, List.of(getters.storeNames()));
    builder.add(reader);
    builder.add(new SinkNode<String, String>("sink", reader, "out", null, Serdes.String(),
        Serdes.String(), null));
    try (TopologyTestDriver driver =
        new TopologyTestDriver(builder.buildTopology(BuildContext.of(props)), props)) {
      TestInputTopic<String, String> rows =
          driver.createInputTopic("table", new StringSerializer(), new StringSerializer());
      rows.pipeInput("a", "apple", 10);
      rows.pipeInput("b", "xylophone", 11);
      rows.pipeInput("c", "cherry", 12);
      rows.pipeInput("c", null, 13);
      TestInputTopic<String, String> in =
          driver.createInputTopic("lookups", new StringSerializer(), new StringSerializer());
      for (String key : List.of("a", "b", "c", "d")) {
        in.pipeInput(key, "?", 20);
      }
      return driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer())
          .readRecordsToList().stream().map(r -> r.key() + "=" + r.value()).toList();
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void statelessChainReadsThroughTheSourceStore(Properties props) {
    assertThat(lookUp(props, t -> (KTableImpl<String, String>) t
        .filter((k, v) -> !v.startsWith("x")).mapValues(v -> v.toUpperCase())))
        .containsExactly("a=APPLE@10", "b=none", "c=none", "d=none");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void materializedOperatorReadsItsOwnStore(Properties props) {
    assertThat(lookUp(props, t -> (KTableImpl<String, String>) t.filterNot(
        (k, v) -> v.startsWith("x"),
        io.sluice.dsl.Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("kept"))))
        .containsExactly("a=apple@10", "b=none", "c=none", "d=none");
  }

  @Test
  void oldValuesMaterializeASourceTableOnlyWhenForced() {
    InternalStreamsBuilder builder = new InternalStreamsBuilder();
    KTableImpl<String, String> table = (KTableImpl<String, String>) builder.table("t", STRINGS,
        Materialized.with(null, null));
    KTableImpl<String, String> filtered =
        (KTableImpl<String, String>) table.filter((k, v) -> true);
    assertThat(filtered.enableSendingOldValues(false)).isFalse();
    assertThat(filtered.sendingOldValues()).isFalse();
    assertThat(filtered.enableSendingOldValues(true)).isTrue();
    assertThat(table.sendingOldValues()).isTrue();
    assertThat(builder.buildTopology().describe().toString())
        .contains("stores: [t-STATE-STORE-0000000000]");
  }
}
