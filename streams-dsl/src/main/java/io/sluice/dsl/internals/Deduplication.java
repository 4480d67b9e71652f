package io.sluice.dsl.internals;

import io.sluice.dsl.Deduplicated;
import io.sluice.dsl.KStream;
import io.sluice.dsl.KeyValueMapper;
import io.sluice.processor.TopologyException;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Declares {@code KStream.deduplicate}: the repartition (by key when the key changed upstream,
 * always by id for an extracted id), names, the store, the drop spec and the node. A generated
 * name is {@code KSTREAM-DEDUPLICATE-<counter>}, its store {@code
 * KSTREAM-DEDUPLICATE-STATE-STORE-<counter>}; a given name {@code n} names the store {@code
 * n-store} and the repartition topic {@code n-repartition}.
 */
final class Deduplication {
  static final String DEDUPLICATE = "KSTREAM-DEDUPLICATE-";

  private Deduplication() {}

  /**
   * Declares deduplication by key, repartitioning by key first when the key changed upstream.
   *
   * @param input the node whose records are deduplicated
   * @param keySerde the key serde known for the stream, or {@code null}
   * @param valueSerde the value serde known for the stream, or {@code null}
   * @return the first records of each key
   */
  static <K, V> KStream<K, V> byKey(InternalStreamsBuilder builder, GraphNode input,
      Serde<K> keySerde, Serde<V> valueSerde, Duration within, Deduplicated<K> options) {
    long intervalMs = checkInterval(within);
    String name = builder.name(DEDUPLICATE, options.name());
    Serde<K> ids = options.idSerde() != null ? options.idSerde() : keySerde;
    GraphNode partitioned = input.repartitionRequired()
        ? Repartitions.forOperator(builder, input, name, name, ids, valueSerde)
        : input;
    return declare(builder, name, partitioned, keySerde, valueSerde, (k, v) -> k, ids,
        intervalMs, options);
  }

  /**
   * Declares deduplication by an extracted id, repartitioning by the id first.
   *
   * @param input the node whose records are deduplicated
   * @return the first records of each id
   * @throws TopologyException if {@code options} has no id serde, needed to partition by id
   */
  static <K, V, ID> KStream<K, V> byId(InternalStreamsBuilder builder, GraphNode input,
      Serde<K> keySerde, Serde<V> valueSerde,
      KeyValueMapper<? super K, ? super V, ? extends ID> idSelector, Duration within,
      Deduplicated<ID> options) {
    long intervalMs = checkInterval(within);
    Serde<ID> ids = options.idSerde();
    if (ids == null) {
      throw new TopologyException("deduplicate by id" + (options.name() == null ? ""
          : " '" + options.name() + "'") + ": records are repartitioned by id, which needs the"
          + " id serde; pass Deduplicated.with(idSerde) or withIdSerde(idSerde)");
    }
    String name = builder.name(DEDUPLICATE, options.name());
    String topic = name + RepartitionNode.SUFFIX;
    String sink = builder.newName(KStreamImpl.SINK);
    String source = builder.newName(KStreamImpl.SOURCE);
    boolean generated = options.name() == null;
    // No null-key filter: a record without a key may well have an id.
    GraphNode partitioned = new RepartitionNode<>(generated ? source : topic + "-source",
        generated ? sink : topic + "-sink", input, topic, -1, keySerde, valueSerde,
        new IdPartitioner<K, V, ID>(idSelector, ids.serializer()));
    builder.add(partitioned);
    return declare(builder, name, partitioned, keySerde, valueSerde, idSelector, ids, intervalMs,
        options);
  }

  private static <K, V, ID> KStream<K, V> declare(InternalStreamsBuilder builder, String name,
      GraphNode input, Serde<K> keySerde, Serde<V> valueSerde,
      KeyValueMapper<? super K, ? super V, ? extends ID> idSelector, Serde<ID> idSerde,
      long intervalMs, Deduplicated<ID> options) {
    String store = options.name() != null
        ? options.name() + "-store"
        : builder.newName(DEDUPLICATE + "STATE-STORE-");
    DropSpec drops = new DropSpec(name);
    KStreamDeduplicate<K, V, ID> supplier = new KStreamDeduplicate<>(
        idSelector, intervalMs, store, options.storeType(), drops);
    GraphNode node = new DeduplicateNode<>(name, input, supplier, store, idSerde, intervalMs,
        options);
    builder.add(node);
    builder.registerDropper(name, node, drops);
    return new KStreamImpl<>(builder, node, keySerde, valueSerde);
  }

  /**
   * @return the interval in milliseconds
   * @throws IllegalArgumentException if {@code within} is not positive
   */
  static long checkInterval(Duration within) {
    Objects.requireNonNull(within, "deduplicate: within must not be null");
    if (within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("deduplicate: within must be positive but was " + within
          + "; pass how long after an id's first record its duplicates are dropped, e.g."
          + " Duration.ofMinutes(10)");
    }
    return within.toMillis();
  }
}
