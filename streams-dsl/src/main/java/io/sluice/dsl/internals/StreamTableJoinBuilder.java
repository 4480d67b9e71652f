package io.sluice.dsl.internals;

import io.sluice.dsl.GlobalKTable;
import io.sluice.dsl.Joined;
import io.sluice.dsl.KStream;
import io.sluice.dsl.KTable;
import io.sluice.dsl.KeyValueMapper;
import io.sluice.dsl.Named;
import io.sluice.dsl.ValueJoinerWithKey;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Declares stream-table and stream-global-table joins with Kafka Streams' names: one processor
 * {@code KSTREAM-JOIN-<n>} or {@code KSTREAM-LEFTJOIN-<n>} (global-table joins, inner ones too, are
 * always {@code KSTREAM-LEFTJOIN-<n>}), or the {@code Joined} / {@code Named} name, which also names the operator for dropped records. A stream whose key changed is
 * repartitioned before a {@code KTable} join ({@code <name>-repartition}, or {@code <stream
 * node>-repartition} when unnamed).
 */
final class StreamTableJoinBuilder {
  static final String JOIN = "KSTREAM-JOIN-";
  static final String LEFT_JOIN = "KSTREAM-LEFTJOIN-";

  private StreamTableJoinBuilder() {}

  /**
   * @param stream the stream
   * @param table the table, of the same builder
   * @param joiner computes the result value
   * @param joined name and serdes
   * @param left whether unmatched records are joined with {@code null}
   * @return the stream of join results
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the table comes from another builder
   */
  static <K, V, VT, VR> KStream<K, VR> join(KStreamImpl<K, V> stream, KTable<K, VT> table,
      ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner,
      Joined<K, V, VT> joined, boolean left) {
    String op = left ? "leftJoin" : "join";
    Objects.requireNonNull(table, op + ": table must not be null");
    Objects.requireNonNull(joiner, op + ": joiner must not be null");
    Objects.requireNonNull(joined, op + ": joined must not be null");
    InternalStreamsBuilder builder = stream.builder();
    if (!(table instanceof KTableImpl<K, VT> impl) || impl.builder() != builder) {
      throw new IllegalArgumentException(op + ": the table comes from another StreamsBuilder;"
          + " join only a stream and a table of the same builder");
    }
    Serde<K> keySerde = joined.keySerde() != null ? joined.keySerde()
        : stream.keySerde() != null ? stream.keySerde() : impl.keySerde();
    Serde<V> valueSerde = joined.valueSerde() != null ? joined.valueSerde() : stream.valueSerde();
    GraphNode parent = stream.node();
    if (stream.repartitionRequired()) {
      String prefix = joined.name() != null ? joined.name() : stream.node().name();
      parent = JoinRepartition.of(builder, parent, prefix, keySerde, valueSerde);
    }
    String name = builder.name(left ? LEFT_JOIN : JOIN, joined.name());
    KTableValueGetterSupplier<K, VT> getters = impl.valueGetterSupplier();
    DropSpec drops = new DropSpec(name);
    GraphNode node = new StreamTableJoinNode<>(name, parent,
        new KStreamTableJoin<K, V, K, VT, VR>(getters, (key, value) -> key, joiner, left, drops),
        getters);
    builder.add(node);
    builder.registerDropper(name, node, drops);
    return new KStreamImpl<>(builder, node, keySerde, null);
  }

  /**
   * @param stream the stream
   * @param table the global table, of the same builder
   * @param keySelector derives the table key
   * @param joiner computes the result value
   * @param named the processor name, or {@code null}
   * @param left whether unmatched records are joined with {@code null}
   * @return the stream of join results
   * @throws NullPointerException if an argument but {@code named} is null
   * @throws IllegalArgumentException if the table comes from another builder
   */
  static <K, V, GK, GV, RV> KStream<K, RV> join(KStreamImpl<K, V> stream,
      GlobalKTable<GK, GV> table, KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends RV> joiner, Named named,
      boolean left) {
    String op = left ? "leftJoin" : "join";
    Objects.requireNonNull(table, op + ": globalTable must not be null");
    Objects.requireNonNull(keySelector, op + ": keySelector must not be null");
    Objects.requireNonNull(joiner, op + ": joiner must not be null");
    InternalStreamsBuilder builder = stream.builder();
    if (!(table instanceof GlobalKTableImpl<GK, GV> impl) || impl.builder() != builder) {
      throw new IllegalArgumentException(op + ": the global table comes from another"
          + " StreamsBuilder; join only a stream and a table of the same builder");
    }
    // Kafka Streams names inner global-table joins KSTREAM-LEFTJOIN- too; so does Sluice
    String name = builder.name(LEFT_JOIN, named == null ? null : named.name());
    DropSpec drops = new DropSpec(name);
    GraphNode node = new StreamTableJoinNode<>(name, stream.node(),
        new KStreamTableJoin<K, V, GK, GV, RV>(impl.valueGetterSupplier(), keySelector, joiner,
            left, drops), null);
    builder.add(node);
    builder.registerDropper(name, node, drops);
    return new KStreamImpl<>(builder, node, stream.keySerde(), null);
  }
}
