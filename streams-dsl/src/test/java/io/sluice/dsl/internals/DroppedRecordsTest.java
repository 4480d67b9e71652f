package io.sluice.dsl.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.KStream;
import io.sluice.dsl.Named;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.TopologyDescription;
import io.sluice.processor.TopologyException;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The dropped-records side output and metric, with a test-only operator that drops null keys
 * (NULL_KEY) and values "late" (LATE, window closed at 42).
 */
class DroppedRecordsTest {
  private final InternalStreamsBuilder builder = new InternalStreamsBuilder();
  private final KStream<String, String> source =
      builder.stream(List.of("in"), null, Consumed.with(Serdes.String(), Serdes.String()));
  private final AtomicReference<Metrics> metrics = new AtomicReference<>();
  /** The metrics with the "dropped-records" group left right after the test operator closed. */
  private static final AtomicReference<List<MetricName>> LEFT_AFTER_CLOSE = new AtomicReference<>();

  /** Declares the test operator on {@code input}; returns its output stream. */
  private KStream<String, String> dropping(KStream<String, String> input, String name) {
    DropSpec spec = new DropSpec(name);
    GraphNode parent = ((KStreamImpl<String, String>) input).node();
    GraphNode node = new ProcessorNode<String, String, String, String>(name, false,
        List.of(parent), () -> new Dropper(spec, metrics), List.of());
    builder.add(node);
    builder.registerDropper(name, node, spec);
    return new KStreamImpl<>(builder, node, Serdes.String(), Serdes.String());
  }

  private static final class Dropper implements Processor<String, String, String, String> {
    private final DropReporter reporter;
    private final AtomicReference<Metrics> metrics;
    private ProcessorContext<String, String> context;

    Dropper(DropSpec spec, AtomicReference<Metrics> metrics) {
      this.reporter = new DropReporter(spec);
      this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
      reporter.init(context);
      metrics.set(context.metrics());
    }

    @Override
    public void process(Record<String, String> record) {
      if (record.key() == null) {
        reporter.drop(record, DropReason.NULL_KEY);
      } else if ("late".equals(record.value())) {
        reporter.dropLate(record, 42L);
      } else {
        context.forward(record.withValue(record.value().toUpperCase()));
      }
    }

    @Override
    public void close() {
      reporter.close();
      LEFT_AFTER_CLOSE.set(metrics.get().metrics().keySet().stream()
          .filter(m -> m.group().equals(DropReporter.METRIC_GROUP)).toList());
    }
  }

  private static String header(TestRecord<String, String> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private List<List<TestRecord<String, String>>> run(List<TestRecord<String, String>> input,
      String... topics) {
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.buildTopology())) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      in.pipeRecordList(input);
      List<List<TestRecord<String, String>>> outs = new ArrayList<>();
      for (String topic : topics) {
        TestOutputTopic<String, String> out = driver.createOutputTopic(
            topic, new StringDeserializer(), new StringDeserializer());
        outs.add(out.readRecordsToList());
      }
      return outs;
    }
  }

  private static final List<TestRecord<String, String>> INPUT = List.of(
      new TestRecord<>("a", "x", null, 1L), new TestRecord<>(null, "y", null, 2L),
      new TestRecord<>("b", "late", null, 3L), new TestRecord<>("c", "z", null, 4L));

  @Test
  void sideOutputGetsTheDroppedRecordsWithHeadersAndTheOperatorItsRegularOutput() {
    dropping(source, "op").to("out");
    source.droppedRecords(Named.as("op")).to("dropped");
    List<List<TestRecord<String, String>>> outs = run(INPUT, "out", "dropped");

    assertThat(outs.get(0)).extracting(TestRecord::key, TestRecord::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "X"),
            org.assertj.core.groups.Tuple.tuple("c", "Z"));
    assertThat(outs.get(1)).hasSize(2);
    TestRecord<String, String> nullKey = outs.get(1).get(0);
    assertThat(nullKey.key()).isNull();
    assertThat(nullKey.value()).isEqualTo("y");
    assertThat(nullKey.timestamp()).isEqualTo(2L);
    assertThat(header(nullKey, DropReporter.REASON_HEADER)).isEqualTo("NULL_KEY");
    assertThat(header(nullKey, DropReporter.OPERATOR_HEADER)).isEqualTo("op");
    assertThat(header(nullKey, DropReporter.WINDOW_CLOSE_HEADER)).isNull();
    TestRecord<String, String> late = outs.get(1).get(1);
    assertThat(late.key()).isEqualTo("b");
    assertThat(late.value()).isEqualTo("late");
    assertThat(header(late, DropReporter.REASON_HEADER)).isEqualTo("LATE");
    assertThat(header(late, DropReporter.WINDOW_CLOSE_HEADER)).isEqualTo("42");
  }

  @Test
  void sideOutputIsAChildOfTheOperatorNamedAfterIt() {
    dropping(source, "op").to("out");
    KStream<String, String> first = source.droppedRecords(Named.as("op"));
    KStream<String, String> again = source.droppedRecords(Named.as("op"));
    assertThat(((KStreamImpl<String, String>) again).node())
        .isSameAs(((KStreamImpl<String, String>) first).node());
    first.to("dropped");
    TopologyDescription.Node op = builder.buildTopology().describe().subtopologies().get(0)
        .nodes().stream().filter(n -> n.name().equals("op")).findFirst().orElseThrow();
    assertThat(op.successors()).containsExactlyInAnyOrder("KSTREAM-SINK-0000000001", "op-dropped");
  }

  @Test
  void withoutSideOutputDropsAreCountedPerTaskAndOperatorAndTheSensorGoesOnClose() {
    dropping(source, "op").to("out");
    Map<String, String> tags = Map.of("task-id", "0_0", "processor-node-id", "op");
    TopologyTestDriver driver = new TopologyTestDriver(builder.buildTopology());
    try {
      driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
          .pipeRecordList(INPUT);
      Metrics registry = metrics.get();
      MetricName total = registry.metricName(
          DropReporter.TOTAL_METRIC, DropReporter.METRIC_GROUP, tags);
      MetricName rate = registry.metricName(
          DropReporter.RATE_METRIC, DropReporter.METRIC_GROUP, tags);
      assertThat(registry.metric(total).metricValue()).isEqualTo(2.0);
      assertThat((Double) registry.metric(rate).metricValue()).isPositive();
      driver.close();
      assertThat(LEFT_AFTER_CLOSE.get()).isEmpty();
    } finally {
      driver.close();
    }
  }

  @Test
  void dropsAreCountedAlsoWhenTheSideOutputGetsThem() {
    dropping(source, "op").to("out");
    source.droppedRecords(Named.as("op")).to("dropped");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.buildTopology())) {
      driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
          .pipeRecordList(INPUT);
      Metrics registry = metrics.get();
      assertThat(registry.metric(registry.metricName(DropReporter.TOTAL_METRIC,
          DropReporter.METRIC_GROUP, Map.of("task-id", "0_0", "processor-node-id", "op")))
          .metricValue()).isEqualTo(2.0);
    }
  }

  @Test
  void unknownOrNotYetDeclaredOperatorIsATopologyErrorWithTheFix() {
    assertThatThrownBy(() -> source.droppedRecords(Named.as("later")))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("no operator named 'later' has been declared yet")
        .hasMessageContaining("declare it first");
    dropping(source, "later");
    assertThat(source.droppedRecords(Named.as("later"))).isNotNull();
  }

  @Test
  void operatorThatCannotDropIsATopologyErrorListingTheOnesThatCan() {
    source.filter((k, v) -> true, Named.as("f"));
    dropping(source, "op");
    assertThatThrownBy(() -> source.droppedRecords(Named.as("f")))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("operator 'f' cannot drop records")
        .hasMessageContaining("op");
  }

  @Test
  void operatorNotReadingTheStreamIsATopologyError() {
    KStream<String, String> other = source.filter((k, v) -> true, Named.as("f"));
    dropping(source, "op");
    assertThatThrownBy(() -> other.droppedRecords(Named.as("op")))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("operator 'op' does not read from this stream (node 'f')");
  }

  @Test
  void operatorReadingThroughIntermediateNodesFindsItsInput() {
    KStream<String, String> filtered = source.filter((k, v) -> true, Named.as("f"));
    dropping(filtered, "op").to("out");
    source.droppedRecords(Named.as("op")).to("dropped");
    assertThat(run(INPUT, "out", "dropped").get(1)).extracting(TestRecord::value)
        .containsExactly("y", "late");
  }

  @Test
  void anOperatorDroppingInTwoNodesGetsOneMergedSideOutput() {
    KStream<String, String> left = source.filter((k, v) -> true, Named.as("left"));
    KStream<String, String> right = source.filter((k, v) -> true, Named.as("right"));
    DropSpec leftSpec = new DropSpec("join");
    DropSpec rightSpec = new DropSpec("join");
    GraphNode l = new ProcessorNode<String, String, String, String>("join-left", false,
        List.of(((KStreamImpl<String, String>) left).node()),
        () -> new Dropper(leftSpec, metrics), List.of());
    GraphNode r = new ProcessorNode<String, String, String, String>("join-right", false,
        List.of(((KStreamImpl<String, String>) right).node()),
        () -> new Dropper(rightSpec, metrics), List.of());
    builder.add(l);
    builder.registerDropper("join", l, leftSpec);
    builder.add(r);
    builder.registerDropper("join", r, rightSpec);

    right.droppedRecords(Named.as("join")).to("right-dropped");
    source.droppedRecords(Named.as("join")).to("all-dropped");
    List<List<TestRecord<String, String>>> outs = run(INPUT, "right-dropped", "all-dropped");
    assertThat(outs.get(0)).extracting(TestRecord::value).containsExactly("y", "late");
    assertThat(outs.get(1)).extracting(TestRecord::value)
        .containsExactly("y", "y", "late", "late");
    assertThat(leftSpec.sideOutputName()).isEqualTo("join-dropped-0");
    assertThat(rightSpec.sideOutputName()).isEqualTo("join-dropped-1");
  }

  @Test
  void registrationChecksNamesAndDuplicates() {
    DropSpec spec = new DropSpec("x");
    GraphNode node = ((KStreamImpl<String, String>) source).node();
    assertThatThrownBy(() -> builder.registerDropper("y", node, spec))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'y'");
    builder.registerDropper("x", node, spec);
    assertThatThrownBy(() -> builder.registerDropper("x", node, new DropSpec("x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
  }

  @Test
  void logLinesAreRateLimitedPerOperatorAndCarryTheCountSinceTheLastLine() {
    DropSpec spec = new DropSpec("op");
    assertThat(spec.countForLog(1_000, 10_000)).isEqualTo(1);
    assertThat(spec.countForLog(2_000, 10_000)).isZero();
    assertThat(spec.countForLog(10_999, 10_000)).isZero();
    assertThat(spec.countForLog(11_000, 10_000)).isEqualTo(3);
    assertThat(spec.countForLog(11_001, 10_000)).isZero();
  }

  @Test
  void reporterUsedBeforeInitSaysSo() {
    DropReporter reporter = new DropReporter(new DropSpec("op"));
    assertThatThrownBy(() -> reporter.drop(new Record<>("k", "v", 1L), DropReason.NULL_VALUE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("operator 'op'").hasMessageContaining("init");
  }
}
