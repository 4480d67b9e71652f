package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.StreamsConfig;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * For in-order input, deduplication forwards exactly what a greedy model does: a record when its
 * id has no forwarded record at most the interval before it. Timestamps are even and the interval
 * odd, so no difference lands on the interval's bound, where store expiry and the interval
 * would otherwise have to agree to the millisecond.
 */
class DeduplicatePropertyTest {
  private static final long INTERVAL_MS = 9;

  @Property(tries = 12)
  void matchesTheGreedyModel(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 4) Integer> ids,
      @ForAll @Size(min = 60, max = 60) List<@IntRange(min = 0, max = 3) Integer> steps,
      @ForAll Deduplicated.StoreType storeType, @ForAll boolean caching) {
    List<TestRecord<String, String>> input = new ArrayList<>();
    long ts = 1_000;
    for (int i = 0; i < ids.size(); i++) {
      ts += 2L * steps.get(i);
      input.add(new TestRecord<>("k" + i, "id" + ids.get(i), null, ts));
    }
    List<String> expected = new ArrayList<>();
    Map<String, Long> lastForwarded = new HashMap<>();
    for (TestRecord<String, String> r : input) {
      Long last = lastForwarded.get(r.value());
      if (last == null || r.timestamp() - last > INTERVAL_MS) {
        expected.add(r.key());
        lastForwarded.put(r.value(), r.timestamp());
      }
    }

    StreamsBuilder builder = new StreamsBuilder();
    Deduplicated<String> options = Deduplicated.<String>as("dedup")
        .withIdSerde(Serdes.String()).withStoreType(storeType);
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .deduplicate((k, v) -> v, Duration.ofMillis(INTERVAL_MS),
            caching ? options.withCachingEnabled() : options.withCachingDisabled())
        .to("out");
    Properties props = new Properties();
    props.put(StreamsConfig.DEFAULT_DSL_STORE, StreamsConfig.IN_MEMORY);
    props.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE, Serdes.StringSerde.class);
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
      driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
          .pipeRecordList(input);
      List<String> forwarded = new ArrayList<>();
      driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer())
          .readRecordsToList().forEach(r -> forwarded.add(r.key()));
      assertThat(forwarded).isEqualTo(expected);
    }
  }
}
