package io.sluice.dsl;

import io.sluice.dsl.internals.BuildContext;
import io.sluice.dsl.internals.InternalStreamsBuilder;
import io.sluice.processor.Topology;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StoreBuilder;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Bytes;

/**
 * Entry point of the DSL: declares source streams and state stores, then {@link #build()} writes
 * the operators declared on them into a processor-API {@link Topology}. Not thread-safe; build one
 * topology per builder.
 */
public final class StreamsBuilder {
  private final InternalStreamsBuilder internal = new InternalStreamsBuilder();

  /** Creates an empty builder. */
  public StreamsBuilder() {}

  /**
   * @param topic the topic to read, with default serdes, extractor and reset policy
   * @param <K> key type
   * @param <V> value type
   * @return the topic's records as a stream
   */
  public <K, V> KStream<K, V> stream(String topic) {
    return stream(topic, Consumed.defaults());
  }

  /**
   * @param topic the topic to read
   * @param consumed serdes, extractor, reset policy and source name
   * @param <K> key type
   * @param <V> value type
   * @return the topic's records as a stream
   * @throws NullPointerException if an argument is null
   */
  public <K, V> KStream<K, V> stream(String topic, Consumed<K, V> consumed) {
    Objects.requireNonNull(topic, "stream: topic must not be null");
    return stream(List.of(topic), consumed);
  }

  /**
   * @param topics the topics to read (at least one), all with the same formats
   * @param consumed serdes, extractor, reset policy and source name
   * @param <K> key type
   * @param <V> value type
   * @return the topics' records as one stream
   * @throws NullPointerException if an argument or a topic is null
   * @throws IllegalArgumentException if {@code topics} is empty
   */
  public <K, V> KStream<K, V> stream(Collection<String> topics, Consumed<K, V> consumed) {
    Objects.requireNonNull(topics, "stream: topics must not be null");
    Objects.requireNonNull(consumed, "stream: consumed must not be null");
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("stream: topics must not be empty; name at least one");
    }
    return internal.stream(List.copyOf(topics), null, consumed);
  }

  /**
   * @param pattern matches the topics to read, including ones created later
   * @param consumed serdes, extractor, reset policy and source name
   * @param <K> key type
   * @param <V> value type
   * @return the matching topics' records as one stream
   * @throws NullPointerException if an argument is null
   */
  public <K, V> KStream<K, V> stream(Pattern pattern, Consumed<K, V> consumed) {
    Objects.requireNonNull(pattern, "stream: pattern must not be null");
    Objects.requireNonNull(consumed, "stream: consumed must not be null");
    return internal.stream(List.of(), pattern, consumed);
  }

  /**
   * Reads a topic as a table (each record the latest value of its key, {@code null} a delete) with
   * default serdes. Records with a {@code null} key are dropped and reported.
   *
   * @param topic the topic to read
   * @param <K> key type
   * @param <V> value type
   * @return the table
   * @throws NullPointerException if {@code topic} is null
   */
  public <K, V> KTable<K, V> table(String topic) {
    return table(topic, Consumed.defaults(), Materialized.with(null, null));
  }

  /**
   * @param topic the topic to read
   * @param consumed serdes, extractor, reset policy and source name ({@code <name>} for the
   *     source, {@code <name>-table-source} for the table processor)
   * @param <K> key type
   * @param <V> value type
   * @return the table
   * @throws NullPointerException if an argument is null
   * @see #table(String)
   */
  public <K, V> KTable<K, V> table(String topic, Consumed<K, V> consumed) {
    return table(topic, consumed, Materialized.with(null, null));
  }

  /**
   * @param topic the topic to read
   * @param materialized the table's store (named: queryable); its serdes read the topic
   * @param <K> key type
   * @param <V> value type
   * @return the table
   * @throws NullPointerException if an argument is null
   * @see #table(String)
   */
  public <K, V> KTable<K, V> table(String topic,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    return table(topic, Consumed.defaults(), materialized);
  }

  /**
   * @param topic the topic to read
   * @param consumed serdes, extractor, reset policy and source name; its serdes win over the
   *     store's
   * @param materialized the table's store (named: queryable)
   * @param <K> key type
   * @param <V> value type
   * @return the table
   * @throws NullPointerException if an argument is null
   * @see #table(String)
   */
  public <K, V> KTable<K, V> table(String topic, Consumed<K, V> consumed,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(topic, "table: topic must not be null");
    Objects.requireNonNull(consumed, "table: consumed must not be null");
    Objects.requireNonNull(materialized, "table: materialized must not be null");
    return internal.table(topic, consumed, materialized);
  }

  /**
   * Reads a topic as a {@link GlobalKTable} with default serdes: every instance keeps all of the
   * topic's partitions in a local store (the topic serves as its changelog), updated by the global
   * thread; a {@code null} value deletes its key, records without a key are dropped and counted.
   *
   * @param topic the topic to read
   * @param <K> key type
   * @param <V> value type
   * @return the global table
   * @throws NullPointerException if {@code topic} is null
   */
  public <K, V> GlobalKTable<K, V> globalTable(String topic) {
    return globalTable(topic, Consumed.defaults(), Materialized.with(null, null));
  }

  /**
   * @param topic the topic to read
   * @param consumed serdes, extractor and source name ({@code <name>} for the source, {@code
   *     <name>-table-source} for the processor)
   * @param <K> key type
   * @param <V> value type
   * @return the global table
   * @throws NullPointerException if an argument is null
   * @see #globalTable(String)
   */
  public <K, V> GlobalKTable<K, V> globalTable(String topic, Consumed<K, V> consumed) {
    return globalTable(topic, consumed, Materialized.with(null, null));
  }

  /**
   * @param topic the topic to read
   * @param materialized the store's name (queryable), serdes and caching; its changelog setting
   *     is ignored, since the topic is the changelog
   * @param <K> key type
   * @param <V> value type
   * @return the global table
   * @throws NullPointerException if an argument is null
   * @see #globalTable(String)
   */
  public <K, V> GlobalKTable<K, V> globalTable(String topic,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    return globalTable(topic, Consumed.defaults(), materialized);
  }

  /**
   * @param topic the topic to read
   * @param consumed serdes, extractor and source name; its serdes win over the store's
   * @param materialized the store's name (queryable), serdes and caching
   * @param <K> key type
   * @param <V> value type
   * @return the global table
   * @throws NullPointerException if an argument is null
   * @see #globalTable(String)
   */
  public <K, V> GlobalKTable<K, V> globalTable(String topic, Consumed<K, V> consumed,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(topic, "globalTable: topic must not be null");
    Objects.requireNonNull(consumed, "globalTable: consumed must not be null");
    Objects.requireNonNull(materialized, "globalTable: materialized must not be null");
    return internal.globalTable(topic, consumed, materialized);
  }

  /**
   * Adds a state store that {@link KStream#process} and {@link KStream#processValues} can
   * connect to by name.
   *
   * @param builder the store's builder
   * @return this builder
   * @throws io.sluice.processor.TopologyException if a store of that name was already added
   */
  public StreamsBuilder addStateStore(StoreBuilder<?> builder) {
    Objects.requireNonNull(builder, "addStateStore: builder must not be null");
    internal.addStateStore(builder);
    return this;
  }

  /**
   * Writes everything declared so far into a new topology with default settings; the same as
   * {@code build(new Properties())}.
   *
   * @return the topology
   * @throws io.sluice.processor.TopologyException if the declarations do not form a valid topology
   *     (for example a store name given to process() that was never added)
   */
  public Topology build() {
    return build(new Properties());
  }

  /**
   * Writes everything declared so far into a new topology, reading the settings that shape it:
   * {@code default.dsl.store} (rocksDB or in_memory stores for DSL operators),
   * {@code topology.optimization} ({@code all} merges the repartition topics of one key change
   * and reads source tables' stores back from their source topic instead of a changelog), and
   * {@code ensure.explicit.internal.resource.naming} ({@code true} rejects a topology whose stateful
   * operators, stores or internal topics have generated names; otherwise each is named in one
   * WARN log line). Pass the application's properties, so the topology matches what it runs with.
   * Optimization rewrites this builder's graph in place: later builds keep the merged topics.
   *
   * @param props the application's settings; other settings are ignored here
   * @return the topology
   * @throws io.sluice.processor.TopologyException if the declarations do not form a valid topology,
   *     a setting above has an invalid value, or explicit naming is required and names are missing
   * @throws NullPointerException if {@code props} is null
   */
  public Topology build(Properties props) {
    Objects.requireNonNull(props, "build: props must not be null");
    return internal.buildTopology(BuildContext.of(props));
  }
}
