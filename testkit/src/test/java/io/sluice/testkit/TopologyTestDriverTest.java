package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.PunctuationType;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import io.sluice.state.TimestampedKeyValueStore;
import io.sluice.state.TimestampedWindowStore;
import io.sluice.state.WindowStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopologyTestDriverTest {
  private static final StringSerializer SER = new StringSerializer();
  private static final StringDeserializer DE = new StringDeserializer();

  private TopologyTestDriver driver;
  private TestInputTopic<String, String> input;
  private TestOutputTopic<String, Long> counts;

  /** Counts records per (non-null) key in store "counts"; emits a tick on each wall-clock second. */
  private static final class Counter implements Processor<String, String, String, Long> {
    private ProcessorContext<String, Long> context;
    private KeyValueStore<String, Long> store;

    @Override
    public void init(ProcessorContext<String, Long> context) {
      this.context = context;
      store = context.getStateStore("counts");
      context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME,
          now -> context.forward(new Record<>("tick", now, now), "ticks"));
    }

    @Override
    public void process(Record<String, String> record) {
      if (record.key() == null) {
        return;
      }
      Long old = store.get(record.key());
      long count = old == null ? 1 : old + 1;
      store.put(record.key(), count);
      context.forward(record.withValue(count), "counts-sink");
    }
  }

  @BeforeEach
  void start() {
    Topology topology = new Topology()
        .addSource("src", DE, DE, "words")
        .addProcessor("count", Counter::new, "src")
        .addStateStore(Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long()), "count")
        .addSink("counts-sink", "counts", SER, new LongSerializer(), "count")
        .addSink("ticks", "ticks", SER, new LongSerializer(), "count");
    driver = new TopologyTestDriver(topology, new Properties(), Instant.ofEpochMilli(0));
    input = driver.createInputTopic("words", SER, SER, Instant.ofEpochMilli(1_000),
        Duration.ofMillis(10));
    counts = driver.createOutputTopic("counts", DE, new LongDeserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void pipesAndReadsThroughTheEngine() {
    input.pipeInput("a", "x");
    input.pipeKeyValueList(List.of(KeyValue.pair("b", "y"), KeyValue.pair("a", "z")));
    input.pipeInput("c", "w", 5_000L);

    assertThat(counts.getQueueSize()).isEqualTo(4);
    TestRecord<String, Long> first = counts.readRecord();
    assertThat(first.key()).isEqualTo("a");
    assertThat(first.value()).isEqualTo(1L);
    assertThat(first.timestamp()).isEqualTo(1_000L);
    assertThat(counts.readKeyValue()).isEqualTo(KeyValue.pair("b", 1L));
    assertThat(counts.readRecord().timestamp()).isEqualTo(1_020L);
    assertThat(counts.readValue()).isEqualTo(1L);
    assertThat(counts.isEmpty()).isTrue();

    KeyValueStore<String, Long> store = driver.getKeyValueStore("counts");
    assertThat(store.get("a")).isEqualTo(2L);
    assertThat(driver.getStateStore("counts")).isSameAs(store);
    assertThat(driver.getKeyValueStore("nope")).isNull();
    assertThat(driver.producedTopicNames())
        .containsExactlyInAnyOrder("counts", "sluice-test-driver-counts-changelog");
  }

  @Test
  void readsListsAndMaps() {
    input.pipeValueList(List.of("x"));
    input.pipeRecordList(List.of(new TestRecord<>("a", "x"), new TestRecord<>("a", "y")));
    assertThat(counts.readKeyValuesToMap()).isEqualTo(Map.of("a", 2L));
    input.pipeInput("b", "x", new RecordHeaders(), Instant.ofEpochMilli(7));
    input.pipeInput("b", "x");
    assertThat(counts.readValuesToList()).containsExactly(1L, 2L);
  }

  @Test
  void readingAnEmptyTopicSaysSo() {
    assertThatThrownBy(counts::readValue)
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("Topic 'counts' has no unread records; check isEmpty() before reading."
            + " Topics written so far: []");
  }

  @Test
  void wallClockPunctuationRunsOncePerAdvance() {
    TestOutputTopic<String, Long> ticks =
        driver.createOutputTopic("ticks", DE, new LongDeserializer());
    input.pipeInput("a", "x");
    assertThat(ticks.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofSeconds(5));
    assertThat(ticks.readKeyValuesToList()).containsExactly(KeyValue.pair("tick", 5_000L));
  }

  @Test
  void changelogRecordsAreReadableAndStoreGettersCheckTheType() {
    input.pipeInput("a", "x");
    input.pipeInput("a", "y");
    TestOutputTopic<String, Long> changelog = driver.createOutputTopic(
        "sluice-test-driver-counts-changelog", DE, new LongDeserializer());
    assertThat(changelog.readKeyValuesToList())
        .containsExactly(KeyValue.pair("a", 1L), KeyValue.pair("a", 2L));
    assertThatThrownBy(() -> driver.getWindowStore("counts"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Store 'counts' is a ");
  }

  /** Writes each record's value, timestamped, into a key-value store and a 10 ms window store. */
  private static final class TimestampedWriter implements Processor<String, String, Void, Void> {
    private TimestampedKeyValueStore<String, String> latest;
    private TimestampedWindowStore<String, String> windows;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      latest = context.getStateStore("latest");
      windows = context.getStateStore("windows");
    }

    @Override
    public void process(Record<String, String> record) {
      latest.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
      long start = record.timestamp() - record.timestamp() % 10;
      windows.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()), start);
    }
  }

  @Test
  void timestampedStoresReadAsPlainStoresAsInKafkaStreams() {
    Topology topology = new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("write", TimestampedWriter::new, "src")
        .addStateStore(Stores.timestampedKeyValueStoreBuilder(
            Stores.persistentTimestampedKeyValueStore("latest"), Serdes.String(),
            Serdes.String()), "write")
        .addStateStore(Stores.timestampedWindowStoreBuilder(
            Stores.inMemoryWindowStore("windows", Duration.ofMinutes(1), Duration.ofMillis(10),
                false), Serdes.String(), Serdes.String()), "write");
    try (TopologyTestDriver tsDriver = new TopologyTestDriver(topology)) {
      TestInputTopic<String, String> in = tsDriver.createInputTopic("in", SER, SER);
      in.pipeInput("a", "x", 13L);
      in.pipeInput("b", "y", 27L);

      KeyValueStore<String, String> plain = tsDriver.getKeyValueStore("latest");
      assertThat(plain.get("a")).isEqualTo("x");
      try (var all = plain.all()) {
        assertThat(all).toIterable()
            .containsExactly(KeyValue.pair("a", "x"), KeyValue.pair("b", "y"));
      }
      plain.put("c", "z");
      assertThat(plain.putIfAbsent("a", "ignored")).isEqualTo("x");
      assertThat(plain.delete("b")).isEqualTo("y");
      TimestampedKeyValueStore<String, String> timed =
          tsDriver.getTimestampedKeyValueStore("latest");
      assertThat(timed.get("a")).isEqualTo(ValueAndTimestamp.make("x", 13L));
      assertThat(timed.get("b")).isNull();
      assertThat(timed.get("c")).isEqualTo(ValueAndTimestamp.make("z", -1L));
      assertThat(plain.name()).isEqualTo("latest");
      assertThat(plain.persistent()).isTrue();

      WindowStore<String, String> windows = tsDriver.getWindowStore("windows");
      assertThat(windows.fetch("a", 10L)).isEqualTo("x");
      windows.put("a", "w", 40L);
      assertThat(tsDriver.<String, String>getTimestampedWindowStore("windows").fetch("a", 40L))
          .isEqualTo(ValueAndTimestamp.make("w", -1L));
      try (var fetched = windows.fetch("a", 0L, 100L)) {
        assertThat(fetched).toIterable()
            .containsExactly(KeyValue.pair(10L, "x"), KeyValue.pair(40L, "w"));
      }
      assertThatThrownBy(() -> tsDriver.getTimestampedKeyValueStore("windows"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a TimestampedKeyValueStore");
    }
  }

  @Test
  void aClosedDriverRefusesInput() {
    driver.close();
    assertThatThrownBy(() -> input.pipeInput("a", "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The test driver is closed");
  }
}
