package io.sluice.dsl.differential;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.Grouped;
import io.sluice.dsl.KGroupedStream;
import io.sluice.dsl.KStream;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Repartitioned;
import io.sluice.dsl.StreamsBuilder;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/** The Sluice half of each table and aggregation scenario; {@link TableKafkaSide} mirrors it. */
final class TableSluiceSide {
  private TableSluiceSide() {}

  static void sourceTable(StreamsBuilder builder) {
    builder.<String, String>table("in").toStream().to("out");
    builder.table("in2", Consumed.<String, String>as("named-source"),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("table-2"))
        .toStream(Named.as("table-2-changes")).to("out2");
  }

  static void filterMapValues(StreamsBuilder builder) {
    KTable<String, String> table = builder.table("in");
    table.filter(Fns::keep).mapValues(Fns::upper).toStream().to("out");
    table.filterNot((k, v) -> Fns.digitFirst(v), Named.as("no-digits"),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("no-digits-store"))
        .mapValues((k, v) -> Fns.describe(k, v),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>with(null, null))
        .toStream().to("out2");
  }

  static void toTable(StreamsBuilder builder) {
    KStream<String, String> in = builder.stream("in");
    in.toTable().toStream().to("out");
    in.selectKey(Fns::keyOf)
        .toTable(Named.as("by-first"),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("by-first-store"))
        .toStream().to("out2");
  }

  static void groupByKey(StreamsBuilder builder) {
    KStream<String, String> in = builder.stream("in");
    in.groupByKey().count().toStream().mapValues(TableFns::str).to("out");
    in.groupByKey().reduce(TableFns::concat, Named.as("concat"),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("concat-store"))
        .toStream().to("out2");
    in.groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
        .aggregate(() -> "0", TableFns::lengthSum).toStream().to("out3");
  }

  static void groupBy(StreamsBuilder builder) {
    KStream<String, String> in = builder.stream("in");
    in.groupBy(Fns::keyOf).count().toStream().mapValues(TableFns::str).to("out");
    in.selectKey((k, v) -> v).groupByKey(Grouped.as("by-value"))
        .reduce(TableFns::concat).toStream().to("out2");
    in.map((k, v) -> KeyValue.pair(Fns.keyOf(k, v), k)).groupByKey()
        .aggregate(() -> "0", TableFns::lengthSum,
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("sums"))
        .toStream().to("out3");
  }

  static void groupedTable(StreamsBuilder builder) {
    KTable<String, String> table = builder.table("in");
    table.groupBy((k, v) -> KeyValue.pair(Fns.keyOf(k, v), k)).count().toStream()
        .mapValues(TableFns::str).to("out");
    table.groupBy((k, v) -> KeyValue.pair(Fns.keyOf(k, v), v), Grouped.as("regroup"))
        .reduce(TableFns::concat, TableFns::removeOrDelete).toStream().to("out2");
    table.groupBy((k, v) -> KeyValue.pair(v.length() % 3 == 0 ? "x" : k, v))
        .aggregate(() -> "0", TableFns::lengthSum, TableFns::lengthDiff, Named.as("lengths"),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("lengths-store"))
        .toStream().to("out3");
  }

  static void repartition(StreamsBuilder builder) {
    KStream<String, String> in = builder.stream("in");
    in.repartition().to("out");
    in.selectKey(Fns::keyOf)
        .repartition(Repartitioned.<String, String>as("rekeyed").withNumberOfPartitions(2))
        .groupByKey().count().toStream().mapValues(TableFns::str).to("out2");
  }

  /** Old values flowing through filter and mapValues (stateless and materialized) to groupBy. */
  static void oldValuesThroughChain(StreamsBuilder builder) {
    KTable<String, String> table = builder.table("in");
    table.filter(Fns::keep).mapValues(Fns::upper)
        .groupBy((k, v) -> KeyValue.pair(Fns.keyOf(k, v), k)).count().toStream()
        .mapValues(TableFns::str).to("out");
    table.filterNot((k, v) -> Fns.digitFirst(v),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("not-digits"))
        .mapValues((k, v) -> Fns.describe(k, v), Named.as("described"),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("described-store"))
        .groupBy((k, v) -> KeyValue.pair(v.substring(v.length() - 1), k))
        .reduce(TableFns::concat, TableFns::remove).toStream().to("out2");
  }

  /** Two aggregations of one grouped stream share its Grouped-named repartition topic. */
  static void sharedRepartition(StreamsBuilder builder) {
    KGroupedStream<String, String> byValue =
        builder.<String, String>stream("in").selectKey((k, v) -> v)
            .groupByKey(Grouped.as("by-value"));
    byValue.count().toStream().mapValues(TableFns::str).to("out");
    byValue.reduce(TableFns::concat).toStream().to("out2");
  }
}
