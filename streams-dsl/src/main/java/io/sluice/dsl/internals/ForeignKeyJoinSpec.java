package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorContext;
import io.sluice.processor.TopologyException;
import org.apache.kafka.common.serialization.Serde;

/**
 * What every processor of one foreign-key join shares: its names, whether it is a left join, and
 * the serdes of both tables' keys and values ({@code null} for the application's defaults, which
 * {@link #resolve} looks up once a processor is initialised).
 *
 * @param operatorName the join's name, prefix of its internal topics and store
 * @param subscriptionTopic the relative name of the subscription registration topic
 * @param responseTopic the relative name of the subscription response topic
 * @param storeName the subscription store's name
 * @param leftJoin whether left rows without a foreign row (or foreign key) join with null
 * @param leftKeySerde serde of the left (primary) keys, or null
 * @param leftValueSerde serde of the left values (hashed to detect stale responses), or null
 * @param foreignKeySerde serde of the right table's keys, or null
 * @param foreignValueSerde serde of the right table's values, or null
 * @param <K> left key type
 * @param <V> left value type
 * @param <KO> right (foreign) key type
 * @param <VO> right value type
 */
record ForeignKeyJoinSpec<K, V, KO, VO>(String operatorName, String subscriptionTopic,
    String responseTopic, String storeName, boolean leftJoin, Serde<K> leftKeySerde,
    Serde<V> leftValueSerde, Serde<KO> foreignKeySerde, Serde<VO> foreignValueSerde) {

  /** The pseudo topic name left values are serialized under for hashing. */
  String hashTopic() {
    return responseTopic;
  }

  /**
   * @param given a serde from the DSL, or {@code null}
   * @param context the initialising processor's context
   * @param key whether the default key serde (else the default value serde) stands in
   * @param what what the serde is for, for the message
   * @param <T> the serde's type
   * @return {@code given}, or the application's default
   * @throws TopologyException if both are missing
   */
  <T> Serde<T> resolve(Serde<T> given, ProcessorContext<?, ?> context, boolean key, String what) {
    if (given != null) {
      return given;
    }
    Serde<?> fallback = key ? context.keySerde() : context.valueSerde();
    if (fallback == null) {
      throw new TopologyException("Foreign-key join '" + operatorName + "' has no serde for "
          + what + ": give one (Consumed, Materialized) on that table or set "
          + (key ? "default.key.serde" : "default.value.serde"));
    }
    // The default serde is the user's promise for every type the DSL left unspecified.
    @SuppressWarnings("unchecked")
    Serde<T> typed = (Serde<T>) fallback;
    return typed;
  }
}
