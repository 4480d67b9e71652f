package io.sluice.dsl.differential;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;

/** The table-join scenarios written with Kafka Streams' DSL; see {@link TableJoinSluiceSide}. */
final class TableJoinKafkaSide {
  private TableJoinKafkaSide() {}

  private static KTable<String, String> left(StreamsBuilder builder) {
    return builder.table(TableJoinInputs.LEFT);
  }

  private static KTable<String, String> right(StreamsBuilder builder) {
    return builder.table(TableJoinInputs.RIGHT);
  }

  static String joined(String left, String right) {
    return left + "+" + right;
  }

  static void join(StreamsBuilder builder) {
    left(builder).join(right(builder), TableJoinKafkaSide::joined).toStream().to("out");
  }

  static void leftJoin(StreamsBuilder builder) {
    left(builder).leftJoin(right(builder), TableJoinKafkaSide::joined).toStream().to("out");
  }

  static void outerJoin(StreamsBuilder builder) {
    left(builder).outerJoin(right(builder), TableJoinKafkaSide::joined).toStream().to("out");
  }

  static void chained(StreamsBuilder builder) {
    KTable<String, String> right = right(builder);
    KTable<String, String> first = left(builder).join(right, TableJoinKafkaSide::joined,
        Named.as("first"), Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(
            "first-store").withKeySerde(Serdes.String()).withValueSerde(Serdes.String()));
    first.mapValues(v -> v.length() + ":" + v)
        .outerJoin(right, TableJoinKafkaSide::joined).toStream().to("out");
  }

  static void fkJoin(StreamsBuilder builder) {
    left(builder).join(right(builder), TableJoinInputs::foreignKey, TableJoinKafkaSide::joined)
        .toStream().to("out");
  }

  static void fkLeftJoin(StreamsBuilder builder) {
    left(builder).leftJoin(right(builder), TableJoinInputs::foreignKey,
        TableJoinKafkaSide::joined).toStream().to("out");
  }

  static void fkMaterialized(StreamsBuilder builder) {
    KTable<String, String> right = right(builder);
    left(builder).join(right, (key, value) -> TableJoinInputs.foreignKey(value),
            TableJoinKafkaSide::joined, TableJoined.as("fk"),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("fk-result")
                .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
        .leftJoin(right, TableJoinKafkaSide::joined).toStream().to("out");
  }

  /**
   * The left table comes from a stream whose records each update their key twice (the value,
   * then the value moved to another foreign key), so responses to the first update arrive after
   * the second and must be discarded.
   */
  static void fkJoinStaleResponses(StreamsBuilder builder) {
    builder.<String, String>stream(TableJoinInputs.LEFT)
        .flatMapValues(TableJoinInputs::twoUpdates)
        .toTable()
        .leftJoin(right(builder), TableJoinInputs::foreignKey, TableJoinKafkaSide::joined)
        .toStream().to("out");
  }
}
