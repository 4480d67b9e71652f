package io.sluice.dsl;

import io.sluice.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A changelog stream read as a table: each record is the latest value of its key, a {@code null}
 * value deletes the key. Operators return new tables and never change this one; they forward one
 * update per changed key, with the timestamp of the record that caused it. A table kept in a
 * store with caching forwards at most one update per key per commit.
 *
 * <p>Every operator has a variant with {@link Named} to set its processor's name, and stateless
 * ones a variant with {@link Materialized} to keep (and make queryable) their result in a store.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface KTable<K, V> {
  /**
   * Keeps the rows the predicate accepts. A row it rejects is forwarded as a delete (a
   * {@code null} value), so downstream forgets it; a row that was never kept may be deleted again.
   *
   * @param predicate keeps the rows it accepts; called with non-null values only
   * @return the accepted rows
   */
  KTable<K, V> filter(Predicate<? super K, ? super V> predicate);

  /**
   * @param predicate keeps the rows it accepts
   * @param named the processor's name
   * @return the accepted rows
   * @see #filter(Predicate)
   */
  KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named);

  /**
   * @param predicate keeps the rows it accepts
   * @param materialized the store that keeps the result
   * @return the accepted rows
   * @see #filter(Predicate)
   */
  KTable<K, V> filter(Predicate<? super K, ? super V> predicate,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param predicate keeps the rows it accepts
   * @param named the processor's name
   * @param materialized the store that keeps the result
   * @return the accepted rows
   * @see #filter(Predicate)
   */
  KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param predicate drops the rows it accepts (forwarded as deletes, see {@link #filter})
   * @return the rejected rows
   */
  KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate);

  /**
   * @param predicate drops the rows it accepts
   * @param named the processor's name
   * @return the rejected rows
   */
  KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named);

  /**
   * @param predicate drops the rows it accepts
   * @param materialized the store that keeps the result
   * @return the rejected rows
   */
  KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param predicate drops the rows it accepts
   * @param named the processor's name
   * @param materialized the store that keeps the result
   * @return the rejected rows
   */
  KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * Replaces each row's value; deletes stay deletes (the mapper never sees {@code null}).
   *
   * @param mapper returns the new value
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper);

  /**
   * @param mapper returns the new value
   * @param named the processor's name
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named);

  /**
   * @param mapper returns the new value from the read-only key and the value
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper);

  /**
   * @param mapper returns the new value from the read-only key and the value
   * @param named the processor's name
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper,
      Named named);

  /**
   * @param mapper returns the new value
   * @param materialized the store that keeps the result
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param mapper returns the new value from the read-only key and the value
   * @param named the processor's name, or {@code null} for a generated one
   * @param materialized the store that keeps the result
   * @param <VR> new value type
   * @return the mapped rows
   */
  <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper,
      Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @return the stream of this table's updates: each new value, {@code null} for a delete
   */
  KStream<K, V> toStream();

  /**
   * @param named the processor's name
   * @return the stream of this table's updates
   */
  KStream<K, V> toStream(Named named);

  /**
   * @return the name of the store that can be queried for this table, or {@code null} if it was
   *     not materialized under a name
   */
  String queryableStoreName();
}
