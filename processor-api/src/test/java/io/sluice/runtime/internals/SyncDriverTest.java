package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static io.sluice.runtime.internals.Fixture.SER;
import static io.sluice.runtime.internals.Fixture.bytes;
import static io.sluice.runtime.internals.Fixture.pipe;
import static io.sluice.runtime.internals.Fixture.processor;
import static io.sluice.runtime.internals.Fixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.FixedKeyRecord;
import io.sluice.processor.Record;
import io.sluice.processor.RecordMetadata;
import io.sluice.processor.SourceOptions;
import io.sluice.processor.Topology;
import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncDriverTest {
  private SyncDriver driver;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  private SyncDriver start(Topology topology) {
    driver = new SyncDriver(topology, new Properties(), 0L);
    return driver;
  }

  private static Topology router() {
    return new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("router", () -> Fixture.<String, String>processor((ctx, r) -> {
          if (r.value().equals("all")) {
            ctx.forward(r);
          } else {
            ctx.forward(r, "sink-" + r.value());
          }
        }), "src")
        .addSink("sink-x", "x", SER, SER, "router")
        .addSink("sink-y", "y", SER, SER, "router");
  }

  @Test
  void forwardsToAllChildrenOrToOneNamedChild() {
    start(router());
    pipe(driver, "in", "k1", "all", 5);
    pipe(driver, "in", "k2", "x", 6);
    pipe(driver, "in", "k3", "y", 7);
    assertThat(read(driver, "x")).containsExactly("k1=all@5", "k2=x@6");
    assertThat(read(driver, "y")).containsExactly("k1=all@5", "k3=y@7");
    assertThat(driver.producedTopicNames()).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void forwardingToAnUnknownChildNamesTheChildren() {
    start(router());
    assertThatThrownBy(() -> pipe(driver, "in", "k", "z", 1))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Processor 'router' forwarded to child 'sink-z', but its children are"
            + " [sink-x, sink-y]; use one of those names or forward to all children");
  }

  @Test
  void pipingToATopicNoSourceReadsListsTheSourceTopics() {
    start(router());
    assertThatThrownBy(() -> pipe(driver, "nope", "k", "v", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown topic 'nope': no source of this topology reads it. The topology"
            + " reads [in]");
  }

  @Test
  void headersFlowUnchangedAndChangesDownstreamDoNotLeakUpstreamOrToSiblings() {
    List<String> seenByParentAfterForward = new ArrayList<>();
    Topology topology = new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("parent", () -> Fixture.<String, String>processor((ctx, r) -> {
          ctx.forward(r);
          seenByParentAfterForward.add(r.headers().toString());
        }), "src")
        .addProcessor("mutator", () -> Fixture.<String, String>processor((ctx, r) -> {
          r.headers().add("added", bytes("yes"));
          ctx.forward(r);
        }), "parent")
        .addProcessor("sibling", () -> Fixture.<String, String>processor(
            (ctx, r) -> ctx.forward(r)), "parent")
        .addSink("out-m", "mutated", SER, SER, "mutator")
        .addSink("out-s", "plain", SER, SER, "sibling");
    start(topology);
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", bytes("t1"));
    driver.pipe("in", bytes("k"), bytes("v"), 3, headers);

    ProducerRecord<byte[], byte[]> mutated = driver.readOutput("mutated");
    ProducerRecord<byte[], byte[]> plain = driver.readOutput("plain");
    assertThat(Fixture.string(mutated.headers().lastHeader("trace").value())).isEqualTo("t1");
    assertThat(mutated.headers().lastHeader("added")).isNotNull();
    assertThat(Fixture.string(plain.headers().lastHeader("trace").value())).isEqualTo("t1");
    assertThat(plain.headers().lastHeader("added")).isNull();
    assertThat(seenByParentAfterForward).singleElement().asString().doesNotContain("added");
    assertThat(headers.toArray()).hasSize(1);
  }

  @Test
  void recordsSentToATopicOfTheTopologyAreProcessedAfterTheCurrentRecordInFifoOrder() {
    List<String> events = new ArrayList<>();
    Topology topology = new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("fan", () -> Fixture.<String, String>processor((ctx, r) -> {
          ctx.forward(r.withValue(r.value() + "-1"));
          ctx.forward(r.withValue(r.value() + "-2"));
          events.add("fan done " + r.value());
        }), "src")
        .addSink("to-rep", "app-rep-repartition", SER, SER, "fan")
        .addSource("rep-src", DE, DE, "app-rep-repartition")
        .addProcessor("log", () -> Fixture.<String, String>processor((ctx, r) -> {
          events.add("log " + r.value());
          ctx.forward(r);
        }), "rep-src")
        .addSink("out", "out", SER, SER, "log");
    start(topology);
    pipe(driver, "in", "k", "a", 1);
    pipe(driver, "in", "k", "b", 2);
    assertThat(events).containsExactly(
        "fan done a", "log a-1", "log a-2", "fan done b", "log b-1", "log b-2");
    assertThat(read(driver, "out")).containsExactly("k=a-1@1", "k=a-2@1", "k=b-1@2", "k=b-2@2");
    assertThat(driver.tasks()).hasSize(2);
  }

  @Test
  void recordMetadataNamesTheSourceRecord() {
    List<Optional<RecordMetadata>> seen = new ArrayList<>();
    start(new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("p", () -> Fixture.<String, String>processor(
            (ctx, r) -> seen.add(ctx.recordMetadata())), "src"));
    pipe(driver, "in", "k", "v", 1);
    pipe(driver, "in", "k", "v", 2);
    assertThat(seen).containsExactly(
        Optional.of(new RecordMetadata("in", 0, 0)), Optional.of(new RecordMetadata("in", 0, 1)));
  }

  @Test
  void commitsTheNextOffsetToReadWithStreamTimeMetadataAfterEachRecord() {
    start(router());
    pipe(driver, "in", "k", "all", 50);
    pipe(driver, "in", "k", "all", 20);
    assertThat(driver.committedOffsets())
        .containsEntry(new TopicPartition("in", 0), new OffsetAndMetadata(2, "2:50"));
  }

  @Test
  void fixedKeyProcessorsChangeValuesOnly() {
    start(new Topology()
        .addSource("src", DE, DE, "in")
        .addFixedKeyProcessor("upper", () -> new FixedKeyProcessor<String, String, String>() {
          private io.sluice.processor.FixedKeyProcessorContext<String, String> context;

          @Override
          public void init(io.sluice.processor.FixedKeyProcessorContext<String, String> c) {
            context = c;
          }

          @Override
          public void process(FixedKeyRecord<String, String> record) {
            context.forward(record.withValue(record.value().toUpperCase()));
          }
        }, "src")
        .addSink("out", "out", SER, SER, "upper"));
    pipe(driver, "in", "k", "abc", 4);
    assertThat(read(driver, "out")).containsExactly("k=ABC@4");
  }

  @Test
  void dynamicSinksPickTheirTopicPerRecord() {
    start(new Topology()
        .addSource("src", DE, DE, "in")
        .addSink("dyn", (Record<String, String> r, Optional<RecordMetadata> m) -> "to-" + r.value(),
            SER, SER, null, "src"));
    pipe(driver, "in", "k", "a", 1);
    pipe(driver, "in", "k", "b", 2);
    assertThat(read(driver, "to-a")).containsExactly("k=a@1");
    assertThat(read(driver, "to-b")).containsExactly("k=b@2");
  }

  @Test
  void exactlyOnceSettingsAreAccepted() {
    Properties props = new Properties();
    props.put(StreamsConfig.PROCESSING_GUARANTEE, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new SyncDriver(router(), props, 0L);
    pipe(driver, "in", "k", "x", 1);
    assertThat(read(driver, "x")).containsExactly("k=x@1");
  }

  @Test
  void patternSourcesReadEveryMatchingTopic() {
    start(new Topology()
        .addSource("src", SourceOptions.defaults(), DE, DE,
            Pattern.compile("clicks-.*"))
        .addSink("out", "out", SER, SER, "src"));
    pipe(driver, "clicks-eu", "k", "1", 1);
    pipe(driver, "clicks-us", "k", "2", 2);
    assertThat(read(driver, "out")).containsExactly("k=1@1", "k=2@2");
    assertThatThrownBy(() -> pipe(driver, "views", "k", "3", 3))
        .hasMessage("Unknown topic 'views': no source of this topology reads it. The topology"
            + " reads [clicks-eu, clicks-us] and topics matching [clicks-.*]");
  }

  @Test
  void processorsSeeTheirTaskAndConfiguration() {
    List<String> seen = new ArrayList<>();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID, "my-app");
    props.put("custom.setting", "42");
    driver = new SyncDriver(new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("p", () -> Fixture.<String, String>processor((ctx, r) -> seen.add(
            ctx.applicationId() + " " + ctx.taskId() + " " + ctx.appConfigs().get("custom.setting")
                + " " + ctx.currentSystemTimeMs())), "src"), props, 77L);
    pipe(driver, "in", "k", "v", 1);
    assertThat(seen).containsExactly("my-app 0_0 42 77");
  }

  @Test
  void sinkPartitionersAndSerializersFailClearly() {
    start(new Topology()
        .addSource("src", DE, DE, "in")
        .addSink("out", "out", SER, (String topic, String value) -> {
          if (value.equals("unwritable")) {
            throw new IllegalArgumentException("cannot write it");
          }
          return Fixture.bytes(value);
        }, (String topic, String key, String value, int partitions) ->
            Optional.of(value.equals("far") ? 3 : 0), "src"));
    pipe(driver, "in", "k", "near", 1);
    assertThat(read(driver, "out")).containsExactly("k=near@1");
    assertThatThrownBy(() -> pipe(driver, "in", "k", "far", 2))
        .hasMessage("Cannot send to partition 3 of topic 'out': topics of the test driver have"
            + " one partition (0)");
    assertThatThrownBy(() -> pipe(driver, "in", "k", "unwritable", 3))
        .hasMessageContaining("Cannot serialize a record for topic 'out' (task 0_0, node 'sink to"
            + " out', topic in, partition 0, offset 2): java.lang.IllegalArgumentException: cannot"
            + " write it; check the serializers given for that topic, or set"
            + " production.exception.handler to skip such records");
  }
}
