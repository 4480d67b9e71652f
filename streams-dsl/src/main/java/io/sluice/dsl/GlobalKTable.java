package io.sluice.dsl;

/**
 * A table replicated in full to every application instance: each instance reads all partitions
 * of the table's topic into a local store, kept up to date by a global thread independently of
 * the stream tasks. Streams join it with {@link KStream#join(GlobalKTable, KeyValueMapper,
 * ValueJoinerWithKey, Named)} by any key derived from their records, without co-partitioning.
 * Created by {@link StreamsBuilder#globalTable(String, Consumed, Materialized)}.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface GlobalKTable<K, V> {
  /**
   * @return the name of the table's store, which interactive queries can read (a generated name
   *     unless a {@code Materialized} named it)
   */
  String queryableStoreName();
}
