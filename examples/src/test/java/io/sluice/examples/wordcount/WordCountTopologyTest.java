package io.sluice.examples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TopologyTestDriver;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WordCountTopologyTest {
  private TopologyTestDriver driver;
  private TestInputTopic<String, String> lines;
  private TestOutputTopic<String, Long> counts;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put("application.id", "word-count-test");
    driver = new TopologyTestDriver(WordCountTopology.build(), props);
    lines = driver.createInputTopic(WordCountTopology.INPUT, Serdes.String().serializer(),
        Serdes.String().serializer());
    counts = driver.createOutputTopic(WordCountTopology.OUTPUT, Serdes.String().deserializer(),
        Serdes.Long().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void emitsTheRunningCountOfEveryWord() {
    lines.pipeInput("Hello hello, world!");
    lines.pipeInput("world");

    assertThat(counts.readKeyValuesToList()).containsExactly(
        KeyValue.pair("hello", 1L), KeyValue.pair("hello", 2L), KeyValue.pair("world", 1L),
        KeyValue.pair("world", 2L));
    KeyValueStore<String, Long> store = driver.getKeyValueStore(WordCountTopology.STORE);
    assertThat(store.get("hello")).isEqualTo(2L);
    assertThat(store.get("world")).isEqualTo(2L);
  }

  @Test
  void ignoresNullAndBlankLines() {
    lines.pipeInput((String) null);
    lines.pipeInput("  ,, ");
    assertThat(counts.isEmpty()).isTrue();
  }

  @Test
  void writesEveryCountToTheChangelog() {
    lines.pipeInput("a b a");
    TestOutputTopic<String, Long> changelog = driver.createOutputTopic(
        "word-count-test-counts-changelog", Serdes.String().deserializer(),
        Serdes.Long().deserializer());
    assertThat(changelog.readKeyValuesToMap()).containsExactlyInAnyOrderEntriesOf(
        java.util.Map.of("a", 2L, "b", 1L));
    assertThat(List.of(driver.producedTopicNames().toArray()))
        .contains(WordCountTopology.OUTPUT, "word-count-test-counts-changelog");
  }
}
