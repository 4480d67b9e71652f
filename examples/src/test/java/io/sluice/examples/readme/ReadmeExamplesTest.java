package io.sluice.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.Joined;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Produced;
import io.sluice.dsl.StreamsBuilder;
import io.sluice.dsl.TimeWindowedKStream;
import io.sluice.dsl.TimeWindows;
import io.sluice.state.KeyValue;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The README's windowed-count and join snippets, run as written through the test driver. */
class ReadmeExamplesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Properties props(String storeType, long cacheBytes) {
    Properties props = new Properties();
    props.put("application.id", "readme");
    props.put("default.dsl.store", storeType);
    props.put("statestore.cache.max.bytes", cacheBytes);
    return props;
  }

  @ParameterizedTest(name = "{0} store, cache {1} bytes")
  @CsvSource({"rocksDB, 0", "rocksDB, 10485760", "in_memory, 0", "in_memory, 10485760"})
  void windowedCountWithLateRecordsOnASideOutput(String storeType, long cacheBytes) {
    // --- README: windowed count ---
    StreamsBuilder builder = new StreamsBuilder();
    TimeWindowedKStream<String, String> perMinute = builder
        .stream("clicks", Consumed.with(Serdes.String(), Serdes.String()))
        .groupByKey()
        .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofSeconds(10)));
    perMinute.count(Named.as("clicks-per-minute"), Materialized.as("clicks-per-minute-store"))
        .toStream()
        .map((window, count) -> KeyValue.pair(window.key() + "@" + window.window().startMs(),
            count))
        .to("clicks-per-minute", Produced.with(Serdes.String(), Serdes.Long()));
    perMinute.droppedRecords(Named.as("clicks-per-minute"))   // late clicks, with the reason
        .to("late-clicks", Produced.with(Serdes.String(), Serdes.String()));
    // --- end ---

    Properties props = props(storeType, cacheBytes);
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
      TestInputTopic<String, String> clicks = driver.createInputTopic("clicks",
          Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, Long> counts = driver.createOutputTopic("clicks-per-minute",
          Serdes.String().deserializer(), Serdes.Long().deserializer());
      TestOutputTopic<String, String> late = driver.createOutputTopic("late-clicks",
          Serdes.String().deserializer(), Serdes.String().deserializer());

      clicks.pipeInput("alice", "/home", T0.plusSeconds(5));
      clicks.pipeInput("alice", "/cart", T0.plusSeconds(50));
      clicks.pipeInput("bob", "/home", T0.plusSeconds(75));        // window closes at 70 s
      clicks.pipeInput("alice", "/pay", T0.plusSeconds(30));       // late: dropped, not lost

      long w0 = T0.toEpochMilli();
      if (cacheBytes == 0) {
        assertThat(counts.readKeyValuesToList()).containsExactly(
            KeyValue.pair("alice@" + w0, 1L), KeyValue.pair("alice@" + w0, 2L),
            KeyValue.pair("bob@" + (w0 + 60_000), 1L));
      } else {
        assertThat(counts.readKeyValuesToMap()).containsEntry("alice@" + w0, 2L)
            .containsEntry("bob@" + (w0 + 60_000), 1L);
      }
      TestRecord<String, String> dropped = late.readRecord();
      assertThat(dropped.key()).isEqualTo("alice");
      assertThat(dropped.value()).isEqualTo("/pay");
      assertThat(new String(dropped.headers().lastHeader("sluice.dropped.reason").value()))
          .isEqualTo("LATE");
      assertThat(late.isEmpty()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0} store, cache {1} bytes")
  @CsvSource({"rocksDB, 0", "rocksDB, 10485760", "in_memory, 0", "in_memory, 10485760"})
  void ordersJoinedWithCustomers(String storeType, long cacheBytes) {
    // --- README: stream-table join ---
    StreamsBuilder builder = new StreamsBuilder();
    KTable<String, String> customers = builder.table("customers",
        Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("customers-store"));
    builder.stream("orders", Consumed.with(Serdes.String(), Serdes.String()))
        .leftJoin(customers, (order, customer) -> order + " for " + (customer == null
                ? "an unknown customer" : customer),
            Joined.<String, String, String>as("orders-with-customers")
                .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
        .to("enriched-orders", Produced.with(Serdes.String(), Serdes.String()));
    // --- end ---

    Properties props = props(storeType, cacheBytes);
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
      TestInputTopic<String, String> customerTopic = driver.createInputTopic("customers",
          Serdes.String().serializer(), Serdes.String().serializer());
      TestInputTopic<String, String> orders = driver.createInputTopic("orders",
          Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, String> enriched = driver.createOutputTopic("enriched-orders",
          Serdes.String().deserializer(), Serdes.String().deserializer());

      customerTopic.pipeInput("c1", "Ada", T0);
      orders.pipeInput("c1", "2 books", T0.plusSeconds(1));
      orders.pipeInput("c2", "1 lamp", T0.plusSeconds(2));
      customerTopic.pipeInput("c1", "Ada L.", T0.plusSeconds(3));
      orders.pipeInput("c1", "1 pen", T0.plusSeconds(4));

      assertThat(enriched.readKeyValuesToList()).containsExactly(
          KeyValue.pair("c1", "2 books for Ada"),
          KeyValue.pair("c2", "1 lamp for an unknown customer"),
          KeyValue.pair("c1", "1 pen for Ada L."));
    }
  }
}
