package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/**
 * The description of a representative table and aggregation topology, compared with
 * {@code src/test/resources/golden/table-topology.txt}: a source table (lazily materialized for
 * a grouped-table aggregation), table filter and mapValues, a stream aggregation after a key
 * change (repartition topic named after the store), a grouped-table count with a Grouped name,
 * toTable and generated store names. The node names and edges are those Kafka Streams 4.3.1 gives
 * the same topology.
 */
class TableTopologyGoldenTest {
  static StreamsBuilder representative() {
    StreamsBuilder builder = new StreamsBuilder();
    KTable<String, String> users =
        builder.table("users", Consumed.with(Serdes.String(), Serdes.String()));
    users.filter((k, v) -> !v.isEmpty())
        .mapValues(v -> v.toUpperCase(java.util.Locale.ROOT), Named.as("upper"))
        .toStream().to("active-users");
    users.groupBy((k, v) -> KeyValue.pair(v, k), Grouped.as("by-region"))
        .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("users-per-region"))
        .toStream().to("region-counts");
    builder.<String, String>stream("clicks")
        .selectKey((k, v) -> v)
        .groupByKey()
        .reduce((a, b) -> a + b)
        .toStream()
        .to("clicks-by-page");
    builder.<String, String>stream("profiles").toTable(Named.as("profiles-table"))
        .toStream().to("profiles-out");
    return builder;
  }

  @Test
  void describesLikeTheGoldenFile() throws IOException {
    String golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/table-topology.txt")) {
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
