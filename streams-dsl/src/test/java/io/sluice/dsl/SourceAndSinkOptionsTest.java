package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.AutoOffsetReset;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.TimestampExtractor;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TopologyTestDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Consumed and Produced options, serde inheritance, pattern sources and stores through process. */
class SourceAndSinkOptionsTest {
  @Test
  void timestampExtractorOfConsumedSetsRecordTimestamps() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String())
            .withTimestampExtractor(
                (record, partitionTime) -> Long.parseLong((String) record.value())))
        .to("out");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
      StringSerializer s = new StringSerializer();
      driver.createInputTopic("in", s, s).pipeInput("k", "1234", 5L);
      StringDeserializer d = new StringDeserializer();
      assertThat(driver.createOutputTopic("out", d, d).readRecord().timestamp()).isEqualTo(1234L);
    }
  }

  @Test
  void consumedFactoriesSetWhatTheyName() {
    TimestampExtractor extractor = (record, partitionTime) -> 7L;
    AutoOffsetReset lastHour = AutoOffsetReset.byDuration(Duration.ofHours(1));
    Consumed<String, String> all = Consumed.with(Serdes.String(), Serdes.String(), extractor,
        lastHour);
    assertThat(all.timestampExtractor()).isSameAs(extractor);
    assertThat(all.offsetResetPolicy()).isEqualTo(lastHour).hasToString("by_duration:PT1H");
    assertThat(Consumed.<String, String>with(extractor).timestampExtractor()).isSameAs(extractor);
    assertThat(Consumed.<String, String>with(AutoOffsetReset.latest()).offsetResetPolicy())
        .isEqualTo(AutoOffsetReset.LATEST);
    assertThat(Consumed.<String, String>with(AutoOffsetReset.latest()).keySerde()).isNull();
  }

  @Test
  void sinksInheritSerdesThroughKeyAndValueKeepingOperators() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<Integer, String> in =
        builder.stream("in", Consumed.with(Serdes.Integer(), Serdes.String()));
    in.filter((k, v) -> true).peek((k, v) -> { }).to("same");
    in.mapValues(v -> (long) v.length()).to("lengths", Produced.with(null, Serdes.Long()));
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
      driver.createInputTopic("in", new IntegerSerializer(), new StringSerializer())
          .pipeInput(7, "seven", 1L);
      assertThat(driver.createOutputTopic("same", new IntegerDeserializer(),
          new StringDeserializer()).readKeyValue())
          .isEqualTo(io.sluice.state.KeyValue.pair(7, "seven"));
      assertThat(driver.createOutputTopic("lengths", new IntegerDeserializer(),
          new LongDeserializer()).readKeyValue()).isEqualTo(io.sluice.state.KeyValue.pair(7, 5L));
    }
  }

  @Test
  void patternSourceReadsEveryMatchingTopic() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Pattern.compile("in-.*"), Consumed.with(Serdes.String(), Serdes.String()))
        .to("out");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
      StringSerializer s = new StringSerializer();
      driver.createInputTopic("in-a", s, s).pipeInput("k", "a", 1L);
      driver.createInputTopic("in-b", s, s).pipeInput("k", "b", 2L);
      StringDeserializer d = new StringDeserializer();
      assertThat(driver.createOutputTopic("out", d, d).readValuesToList())
          .containsExactly("a", "b");
    }
  }

  @Test
  void multipleTopicsFeedOneStream() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(List.of("x", "y"), Consumed.with(Serdes.String(), Serdes.String())).to("out");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
      StringSerializer s = new StringSerializer();
      driver.createInputTopic("y", s, s).pipeInput("k", "from-y", 1L);
      driver.createInputTopic("x", s, s).pipeInput("k", "from-x", 2L);
      StringDeserializer d = new StringDeserializer();
      assertThat(driver.createOutputTopic("out", d, d).readValuesToList())
          .containsExactly("from-y", "from-x");
    }
  }

  @Test
  void producedPartitionerIsAskedForEveryRecord() {
    List<String> asked = new ArrayList<>();
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .to("out", Produced.<String, String>as("the-sink").withStreamPartitioner(
            (topic, key, value, partitions) -> {
              asked.add(topic + "/" + key);
              return Optional.empty();
            }));
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
      StringSerializer s = new StringSerializer();
      driver.createInputTopic("in", s, s).pipeInput("k", "v", 1L);
    }
    assertThat(asked).containsExactly("out/k");
  }

  @Test
  void processConnectsStoresAddedToTheBuilder() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long()));
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .process(() -> new Processor<String, String, String, Long>() {
          private ProcessorContext<String, Long> context;
          private KeyValueStore<String, Long> counts;

          @Override
          public void init(ProcessorContext<String, Long> context) {
            this.context = context;
            this.counts = context.getStateStore("counts");
          }

          @Override
          public void process(Record<String, String> record) {
            Long old = counts.get(record.key());
            long count = old == null ? 1 : old + 1;
            counts.put(record.key(), count);
            context.forward(record.withValue(count));
          }
        }, Named.as("counter"), "counts")
        .to("out", Produced.with(Serdes.String(), Serdes.Long()));
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
      StringSerializer s = new StringSerializer();
      TestInputTopic<String, String> in = driver.createInputTopic("in", s, s);
      in.pipeInput("a", "1", 1L);
      in.pipeInput("b", "2", 2L);
      in.pipeInput("a", "3", 3L);
      assertThat(driver.createOutputTopic("out", new StringDeserializer(), new LongDeserializer())
          .readValuesToList()).containsExactly(1L, 1L, 2L);
    }
  }
}
