package io.sluice.examples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.KeyValue;
import io.sluice.state.TimestampedKeyValueStore;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TopologyTestDriver;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordCountTopologyTest {
  private static TopologyTestDriver driver(String storeType, long cacheBytes) {
    Properties props = new Properties();
    props.put("application.id", "word-count-test");
    props.put("default.dsl.store", storeType);
    props.put("statestore.cache.max.bytes", cacheBytes);
    return new TopologyTestDriver(WordCountTopology.build(props), props);
  }

  @ParameterizedTest(name = "{0} store, cache {1} bytes")
  @CsvSource({"rocksDB, 0", "rocksDB, 10485760", "in_memory, 0", "in_memory, 10485760"})
  void emitsTheRunningCountOfEveryWord(String storeType, long cacheBytes) {
    try (TopologyTestDriver driver = driver(storeType, cacheBytes)) {
      TestInputTopic<String, String> lines = driver.createInputTopic(WordCountTopology.INPUT,
          Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, Long> counts = driver.createOutputTopic(WordCountTopology.OUTPUT,
          Serdes.String().deserializer(), Serdes.Long().deserializer());

      lines.pipeInput("Hello hello, world!");
      lines.pipeInput("world");
      lines.pipeInput((String) null);
      lines.pipeInput("  ,, ");

      if (cacheBytes == 0) {
        assertThat(counts.readKeyValuesToList()).containsExactly(
            KeyValue.pair("hello", 1L), KeyValue.pair("hello", 2L), KeyValue.pair("world", 1L),
            KeyValue.pair("world", 2L));
      } else {
        // The cache keeps one update per word until the commit after each piped line.
        assertThat(counts.readKeyValuesToList()).containsExactly(
            KeyValue.pair("hello", 2L), KeyValue.pair("world", 1L), KeyValue.pair("world", 2L));
      }
      TimestampedKeyValueStore<String, Long> store =
          driver.getTimestampedKeyValueStore(WordCountTopology.STORE);
      assertThat(store.get("hello")).extracting(ValueAndTimestamp::value).isEqualTo(2L);
      assertThat(store.get("world")).extracting(ValueAndTimestamp::value).isEqualTo(2L);
    }
  }

  @ParameterizedTest(name = "{0} store")
  @CsvSource({"rocksDB", "in_memory"})
  void writesTheCountsToTheChangelogAndReKeysThroughARepartitionTopic(String storeType) {
    try (TopologyTestDriver driver = driver(storeType, 0)) {
      driver.createInputTopic(WordCountTopology.INPUT, Serdes.String().serializer(),
          Serdes.String().serializer()).pipeInput("a b a");
      TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(
          "word-count-test-counts-changelog", Serdes.String().deserializer(),
          Serdes.ByteArray().deserializer());
      assertThat(driver.producedTopicNames()).contains(WordCountTopology.OUTPUT,
          "word-count-test-counts-changelog", "word-count-test-words-by-word-repartition");
      assertThat(changelog.readKeyValuesToMap()).containsOnlyKeys("a", "b");
      assertThat(driver.createOutputTopic(WordCountTopology.OUTPUT,
              Serdes.String().deserializer(), Serdes.Long().deserializer()).readKeyValuesToMap())
          .isEqualTo(Map.of("a", 2L, "b", 1L));
    }
  }
}
