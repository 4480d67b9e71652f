package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.FixedKeyProcessorContext;
import io.sluice.processor.FixedKeyRecord;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.runtime.LogAndContinueExceptionHandler;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsException;
import io.sluice.state.KeyValue;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Each KStream operator, driven through the testkit's TopologyTestDriver. */
class KStreamOperatorsTest {
  private static final Consumed<String, String> STRINGS =
      Consumed.with(Serdes.String(), Serdes.String());

  /** Builds a topology from "in" to whatever {@code body} writes, pipes records, reads "out". */
  private static List<TestRecord<String, String>> run(
      Consumer<KStream<String, String>> body, List<TestRecord<String, String>> input) {
    StreamsBuilder builder = new StreamsBuilder();
    body.accept(builder.stream("in", STRINGS));
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), stringDefaults())) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, String> out =
          driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
      in.pipeRecordList(input);
      return out.readRecordsToList();
    }
  }

  /** Default serdes for the sinks after operators that drop the stream's known serdes. */
  private static Properties stringDefaults() {
    Properties props = new Properties();
    props.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE, Serdes.StringSerde.class);
    return props;
  }

  private static Headers headers(String value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("h", value.getBytes(StandardCharsets.UTF_8));
    return headers;
  }

  private static TestRecord<String, String> rec(String key, String value, long ts) {
    return new TestRecord<>(key, value, headers("x" + ts), ts);
  }

  private static final List<TestRecord<String, String>> INPUT = List.of(
      rec("a", "1", 10), rec(null, "22", 5), rec("b", null, 30), rec("a", "333", 20));

  @Test
  void filterKeepsAcceptedRecordsWithTimestampAndHeaders() {
    List<TestRecord<String, String>> out =
        run(s -> s.filter((k, v) -> v != null && v.length() > 1).to("out"), INPUT);
    assertThat(out).containsExactly(rec(null, "22", 5), rec("a", "333", 20));
  }

  @Test
  void filterNotDropsAcceptedRecords() {
    List<TestRecord<String, String>> out =
        run(s -> s.filterNot((k, v) -> v != null && v.length() > 1).to("out"), INPUT);
    assertThat(out).containsExactly(rec("a", "1", 10), rec("b", null, 30));
  }

  @Test
  void mapReplacesKeyAndValueKeepingTimestampAndHeaders() {
    List<TestRecord<String, String>> out =
        run(s -> s.map((k, v) -> KeyValue.pair(v, k)).to("out"), INPUT);
    assertThat(out).containsExactly(rec("1", "a", 10), rec("22", null, 5), rec(null, "b", 30),
        rec("333", "a", 20));
  }

  @Test
  void mapValuesWithAndWithoutKey() {
    assertThat(run(s -> s.mapValues(v -> v + "!").to("out"), INPUT)).containsExactly(
        rec("a", "1!", 10), rec(null, "22!", 5), rec("b", "null!", 30), rec("a", "333!", 20));
    assertThat(run(s -> s.mapValues((k, v) -> k + v).to("out"), INPUT)).containsExactly(
        rec("a", "a1", 10), rec(null, "null22", 5), rec("b", "bnull", 30), rec("a", "a333", 20));
  }

  @Test
  void flatMapGivesEveryOutputTheInputsTimestampAndHeaders() {
    List<TestRecord<String, String>> out = run(s -> s.flatMap((k, v) -> v == null
        ? List.<KeyValue<String, String>>of()
        : List.of(KeyValue.pair(v, "x"), KeyValue.pair(k, "y"))).to("out"), INPUT);
    assertThat(out).containsExactly(rec("1", "x", 10), rec("a", "y", 10), rec("22", "x", 5),
        rec(null, "y", 5), rec("333", "x", 20), rec("a", "y", 20));
  }

  @Test
  void flatMapValuesWithAndWithoutKey() {
    assertThat(run(s -> s.flatMapValues(v -> v == null ? List.of() : Arrays.asList(v.split("")))
        .to("out"), List.of(rec("k", "ab", 7), rec("k", null, 8)))).containsExactly(
            rec("k", "a", 7), rec("k", "b", 7));
    assertThat(run(s -> s.flatMapValues((k, v) -> List.of(k, k)).to("out"),
        List.of(rec("k", "ab", 7)))).containsExactly(rec("k", "k", 7), rec("k", "k", 7));
  }

  @Test
  void selectKeyReplacesOnlyTheKey() {
    assertThat(run(s -> s.selectKey((k, v) -> v).to("out"), INPUT)).containsExactly(
        rec("1", "1", 10), rec("22", "22", 5), rec(null, null, 30), rec("333", "333", 20));
  }

  @Test
  void peekAndForeachSeeEveryRecord() {
    List<String> peeked = new ArrayList<>();
    List<String> each = new ArrayList<>();
    List<TestRecord<String, String>> out = run(s -> {
      KStream<String, String> peekedStream = s.peek((k, v) -> peeked.add(k + "=" + v));
      peekedStream.foreach((k, v) -> each.add(v));
      peekedStream.to("out");
    }, INPUT);
    assertThat(out).containsExactlyElementsOf(INPUT);
    assertThat(peeked).containsExactly("a=1", "null=22", "b=null", "a=333");
    assertThat(each).containsExactly("1", "22", null, "333");
  }

  @Test
  void splitSendsEachRecordToTheFirstMatchingBranchOrTheDefault() {
    StreamsBuilder builder = new StreamsBuilder();
    Map<String, KStream<String, String>> branches = builder.stream("in", STRINGS)
        .split(Named.as("s-"))
        .branch((k, v) -> "a".equals(k), Branched.as("a"))
        .branch((k, v) -> v != null && v.startsWith("2"))
        .branch((k, v) -> true, Branched.withConsumer(b -> b.to("never")))
        .defaultBranch();
    assertThat(branches).containsOnlyKeys("s-a", "s-2", "s-4");
    branches.get("s-a").to("a");
    branches.get("s-2").to("two");
    branches.get("s-4").to("rest");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
      driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
          .pipeRecordList(INPUT);
      StringDeserializer d = new StringDeserializer();
      assertThat(driver.createOutputTopic("a", d, d).readRecordsToList())
          .containsExactly(rec("a", "1", 10), rec("a", "333", 20));
      assertThat(driver.createOutputTopic("two", d, d).readRecordsToList())
          .containsExactly(rec(null, "22", 5));
      assertThat(driver.createOutputTopic("never", d, d).readRecordsToList())
          .containsExactly(rec("b", null, 30));
      assertThat(driver.createOutputTopic("rest", d, d).readRecordsToList()).isEmpty();
    }
  }

  @Test
  void splitWithoutDefaultDropsUnmatchedAndChainsFunctions() {
    List<TestRecord<String, String>> out = run(s -> {
      Map<String, KStream<String, String>> branches = s.split()
          .branch((k, v) -> "a".equals(k), Branched.withFunction(b -> b.mapValues(v -> v + "A")))
          .branch((k, v) -> k == null, Branched.withFunction(b -> null))
          .noDefaultBranch();
      assertThat(branches).containsOnlyKeys("KSTREAM-BRANCH-00000000011");
      branches.values().forEach(b -> b.to("out"));
    }, INPUT);
    assertThat(out).containsExactly(rec("a", "1A", 10), rec("a", "333A", 20));
  }

  @Test
  void mergeInterleavesBothStreamsInProcessingOrder() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> left = builder.stream("l", STRINGS);
    KStream<String, String> right = builder.stream("r", STRINGS).mapValues(v -> "r" + v);
    left.merge(right).to("out", Produced.with(Serdes.String(), Serdes.String()));
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
      StringSerializer s = new StringSerializer();
      driver.createInputTopic("l", s, s).pipeInput(new TestRecord<>("k", "1", null, 1L));
      driver.createInputTopic("r", s, s).pipeInput(new TestRecord<>("k", "2", null, 2L));
      driver.createInputTopic("l", s, s).pipeInput(new TestRecord<>("k", "3", null, 3L));
      StringDeserializer d = new StringDeserializer();
      assertThat(driver.createOutputTopic("out", d, d).readValuesToList())
          .containsExactly("1", "r2", "3");
    }
  }

  @Test
  void toWithTopicNameExtractorRoutesPerRecord() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", STRINGS).to((record, meta) -> "out-" + record.key());
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
      StringSerializer s = new StringSerializer();
      TestInputTopic<String, String> in = driver.createInputTopic("in", s, s);
      in.pipeInput("x", "1", 1L);
      in.pipeInput("y", "2", 2L);
      StringDeserializer d = new StringDeserializer();
      assertThat(driver.createOutputTopic("out-x", d, d).readValuesToList()).containsExactly("1");
      assertThat(driver.createOutputTopic("out-y", d, d).readValuesToList()).containsExactly("2");
    }
  }

  @Test
  void processAndProcessValuesRunProcessorApiProcessors() {
    List<TestRecord<String, String>> out = run(s -> s
        .process(() -> new Processor<String, String, String, Integer>() {
          private ProcessorContext<String, Integer> context;

          @Override
          public void init(ProcessorContext<String, Integer> context) {
            this.context = context;
          }

          @Override
          public void process(Record<String, String> record) {
            context.forward(record.withKey("len").withValue(
                record.value() == null ? -1 : record.value().length()));
          }
        }, Named.as("lengths"))
        .processValues(() -> new FixedKeyProcessor<String, Integer, String>() {
          private FixedKeyProcessorContext<String, String> context;

          @Override
          public void init(FixedKeyProcessorContext<String, String> context) {
            this.context = context;
          }

          @Override
          public void process(FixedKeyRecord<String, Integer> record) {
            context.forward(record.withValue("n" + record.value()));
          }
        }, null)
        .to("out", Produced.with(Serdes.String(), Serdes.String())), INPUT);
    assertThat(out).containsExactly(rec("len", "n1", 10), rec("len", "n2", 5),
        rec("len", "n-1", 30), rec("len", "n3", 20));
  }

  @Test
  void mapReturningNullFailsNamingTheOperator() {
    assertThatThrownBy(() -> run(s -> s.<String, String>map((k, v) -> null, Named.as("bad-map"))
        .to("out"), INPUT))
        .isInstanceOf(StreamsException.class)
        .hasRootCauseInstanceOf(NullPointerException.class)
        .satisfies(e -> assertThat(messages(e)).contains("'bad-map'").contains("null KeyValue"));
  }

  @Test
  void flatMapReturningNullFailsNamingTheOperator() {
    assertThatThrownBy(() -> run(s -> s.<String, String>flatMap((k, v) -> null)
        .to("out"), INPUT))
        .isInstanceOf(StreamsException.class)
        .satisfies(e -> assertThat(messages(e)).contains("KSTREAM-FLATMAP-0000000001"));
  }

  @Test
  void nullMapperResultsGoToTheProcessingExceptionHandler() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", STRINGS)
        .<String, String>map((k, v) -> v == null ? null : KeyValue.pair(k, v))
        .flatMapValues(v -> v.equals("22") ? null : List.of(v))
        .to("out");
    Properties props = stringDefaults();
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER, LogAndContinueExceptionHandler.class);
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
          .pipeRecordList(INPUT);
      StringDeserializer d = new StringDeserializer();
      assertThat(driver.createOutputTopic("out", d, d).readRecordsToList())
          .containsExactly(rec("a", "1", 10), rec("a", "333", 20));
    }
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
