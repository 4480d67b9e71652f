package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.KeyValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/**
 * The description of a representative stateless DSL topology, compared with the text in
 * {@code src/test/resources/golden/stateless-topology.txt}: generated names, Named overrides,
 * split branches, merge, both sink kinds and a pattern source.
 */
class TopologyDescriptionGoldenTest {
  static StreamsBuilder representative() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> orders =
        builder.stream("orders", Consumed.with(Serdes.String(), Serdes.String()));
    KStream<String, String> audits =
        builder.stream(Pattern.compile("audit-.*"), Consumed.as("audit-source"));
    Map<String, KStream<String, String>> branches = orders
        .filter((k, v) -> v != null)
        .mapValues(v -> v.trim(), Named.as("trim"))
        .split(Named.as("by-size-"))
        .branch((k, v) -> v.length() > 10, Branched.as("large"))
        .defaultBranch(Branched.as("small"));
    branches.get("by-size-large")
        .selectKey((k, v) -> v.substring(0, 1))
        .flatMap((k, v) -> List.of(KeyValue.pair(k, v), KeyValue.pair(v, k)))
        .to("large-orders", Produced.as("large-sink"));
    branches.get("by-size-small")
        .merge(audits)
        .peek((k, v) -> { })
        .to((record, metadata) -> "small-" + record.key());
    return builder;
  }

  @Test
  void describesLikeTheGoldenFile() throws IOException {
    String golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/stateless-topology.txt")) {
      assertThat(in).as("golden file on the test class path").isNotNull();
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(representative().build().describe().toString()).isEqualTo(golden);
  }

  @Test
  void buildingTwiceGivesTheSameDescription() {
    StreamsBuilder builder = representative();
    assertThat(builder.build().describe()).isEqualTo(builder.build().describe());
  }
}
