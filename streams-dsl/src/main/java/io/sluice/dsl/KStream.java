package io.sluice.dsl;

import io.sluice.processor.FixedKeyProcessorSupplier;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.TopicNameExtractor;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;
import java.time.Duration;

/**
 * An unbounded stream of key-value records, each an independent event. Operators return new
 * streams and never change this one; the records keep their timestamp and headers through every
 * operator unless it says otherwise. Operators that may change the key ({@link #map},
 * {@link #flatMap}, {@link #selectKey}, {@link #process}) mark the result as needing a repartition
 * before any key-based stateful operation.
 *
 * <p>Every operator has a variant with {@link Named} to set its processor's name; otherwise a name
 * {@code KSTREAM-<OPERATOR>-<10-digit counter>} is generated. Null function arguments throw a
 * {@link NullPointerException} naming the operator and argument when the operator is called.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface KStream<K, V> extends KStreamJoins<K, V> {
  /**
   * @param predicate keeps the records it accepts
   * @return the accepted records
   */
  KStream<K, V> filter(Predicate<? super K, ? super V> predicate);

  /**
   * @param predicate keeps the records it accepts
   * @param named the processor's name
   * @return the accepted records
   */
  KStream<K, V> filter(Predicate<? super K, ? super V> predicate, Named named);

  /**
   * @param predicate drops the records it accepts
   * @return the rejected records
   */
  KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate);

  /**
   * @param predicate drops the records it accepts
   * @param named the processor's name
   * @return the rejected records
   */
  KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named);

  /**
   * Replaces each record's key and value. A null result from the mapper is a processing error (a
   * {@link NullPointerException} naming this operator, given to {@code
   * processing.exception.handler}; the default handler stops with a
   * {@link io.sluice.runtime.StreamsException}).
   *
   * @param mapper returns the new pair (its key and value may be null)
   * @param <KR> new key type
   * @param <VR> new value type
   * @return the mapped records, marked for repartitioning
   */
  <KR, VR> KStream<KR, VR> map(
      KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper);

  /**
   * @param mapper returns the new pair (its key and value may be null)
   * @param named the processor's name
   * @param <KR> new key type
   * @param <VR> new value type
   * @return the mapped records, marked for repartitioning
   * @see #map(KeyValueMapper)
   */
  <KR, VR> KStream<KR, VR> map(
      KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper,
      Named named);

  /**
   * @param mapper returns the new value
   * @param <VR> new value type
   * @return records with the same keys and new values
   */
  <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper);

  /**
   * @param mapper returns the new value
   * @param named the processor's name
   * @param <VR> new value type
   * @return records with the same keys and new values
   */
  <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named);

  /**
   * @param mapper returns the new value from the read-only key and the value
   * @param <VR> new value type
   * @return records with the same keys and new values
   */
  <VR> KStream<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper);

  /**
   * @param mapper returns the new value from the read-only key and the value
   * @param named the processor's name
   * @param <VR> new value type
   * @return records with the same keys and new values
   */
  <VR> KStream<K, VR> mapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named);

  /**
   * Replaces each record by zero or more records, each with the input's timestamp and headers.
   * A null collection or pair from the mapper is a processing error, as for {@link #map}.
   *
   * @param mapper returns the new pairs, in output order
   * @param <KR> new key type
   * @param <VR> new value type
   * @return the new records, marked for repartitioning
   */
  <KR, VR> KStream<KR, VR> flatMap(KeyValueMapper<? super K, ? super V,
      ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper);

  /**
   * @param mapper returns the new pairs, in output order
   * @param named the processor's name
   * @param <KR> new key type
   * @param <VR> new value type
   * @return the new records, marked for repartitioning
   * @see #flatMap(KeyValueMapper)
   */
  <KR, VR> KStream<KR, VR> flatMap(KeyValueMapper<? super K, ? super V,
      ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper, Named named);

  /**
   * Replaces each record by zero or more records with the same key, timestamp and headers.
   * A null collection from the mapper is a processing error, as for {@link #map}.
   *
   * @param mapper returns the new values, in output order
   * @param <VR> new value type
   * @return the new records
   */
  <VR> KStream<K, VR> flatMapValues(
      ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper);

  /**
   * @param mapper returns the new values, in output order
   * @param named the processor's name
   * @param <VR> new value type
   * @return the new records
   */
  <VR> KStream<K, VR> flatMapValues(
      ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper, Named named);

  /**
   * @param mapper returns the new values from the read-only key and the value
   * @param <VR> new value type
   * @return the new records
   */
  <VR> KStream<K, VR> flatMapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper);

  /**
   * @param mapper returns the new values from the read-only key and the value
   * @param named the processor's name
   * @param <VR> new value type
   * @return the new records
   */
  <VR> KStream<K, VR> flatMapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper,
      Named named);

  /**
   * @param mapper returns the new key (may be null)
   * @param <KR> new key type
   * @return records with new keys and the same values, marked for repartitioning
   */
  <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper);

  /**
   * @param mapper returns the new key (may be null)
   * @param named the processor's name
   * @param <KR> new key type
   * @return records with new keys and the same values, marked for repartitioning
   */
  <KR> KStream<KR, V> selectKey(
      KeyValueMapper<? super K, ? super V, ? extends KR> mapper, Named named);

  /**
   * @param action run on each record before it is forwarded unchanged
   * @return the same records
   */
  KStream<K, V> peek(ForeachAction<? super K, ? super V> action);

  /**
   * @param action run on each record before it is forwarded unchanged
   * @param named the processor's name
   * @return the same records
   */
  KStream<K, V> peek(ForeachAction<? super K, ? super V> action, Named named);

  /**
   * Runs an action on each record; a terminal operation.
   *
   * @param action run on each record
   */
  void foreach(ForeachAction<? super K, ? super V> action);

  /**
   * @param action run on each record
   * @param named the processor's name
   */
  void foreach(ForeachAction<? super K, ? super V> action, Named named);

  /**
   * Starts splitting this stream into branches; branch names are {@code KSTREAM-BRANCH-<n>}
   * followed by each branch's name or position.
   *
   * @return the branch builder
   */
  BranchedKStream<K, V> split();

  /**
   * @param named the split processor's name, also the prefix of the branch names
   * @return the branch builder
   */
  BranchedKStream<K, V> split(Named named);

  /**
   * @param other the stream to merge with this one
   * @return the records of both streams, in the order they are processed
   */
  KStream<K, V> merge(KStream<K, V> other);

  /**
   * @param other the stream to merge with this one
   * @param named the merge processor's name
   * @return the records of both streams, in the order they are processed
   */
  KStream<K, V> merge(KStream<K, V> other, Named named);

  /**
   * Writes every record to a topic with the stream's known serdes, else the default ones.
   *
   * @param topic the topic
   */
  void to(String topic);

  /**
   * @param topic the topic
   * @param produced serdes, partitioner and sink name; unset serdes are inherited
   */
  void to(String topic, Produced<K, V> produced);

  /**
   * @param extractor names each record's topic
   */
  void to(TopicNameExtractor<K, V> extractor);

  /**
   * @param extractor names each record's topic
   * @param produced serdes, partitioner and sink name; unset serdes are inherited
   */
  void to(TopicNameExtractor<K, V> extractor, Produced<K, V> produced);

  /**
   * Runs a Processor API processor on each record; it may forward records with any key.
   *
   * @param supplier creates one processor per task; its {@code stores()} are added too
   * @param named the processor's name, or {@code null} for a generated one
   * @param storeNames stores added with {@link StreamsBuilder#addStateStore} to connect
   * @param <KOut> output key type
   * @param <VOut> output value type
   * @return the forwarded records, marked for repartitioning
   */
  <KOut, VOut> KStream<KOut, VOut> process(
      ProcessorSupplier<? super K, ? super V, KOut, VOut> supplier, Named named,
      String... storeNames);

  /**
   * Runs a key-keeping Processor API processor on each record.
   *
   * @param supplier creates one processor per task; its {@code stores()} are added too
   * @param named the processor's name, or {@code null} for a generated one
   * @param storeNames stores added with {@link StreamsBuilder#addStateStore} to connect
   * @param <VOut> output value type
   * @return the forwarded records
   */
  <VOut> KStream<K, VOut> processValues(
      FixedKeyProcessorSupplier<? super K, ? super V, VOut> supplier, Named named,
      String... storeNames);

  /**
   * The records of this stream that the named downstream operator dropped (late for their window,
   * null key where it needs one, ...), typed as this stream. Each carries the headers {@code
   * sluice.dropped.reason} (LATE, NULL_KEY, NULL_VALUE, NULL_FOREIGN_KEY, EXPIRED_WINDOW), {@code
   * sluice.dropped.operator} and, for late records, {@code sluice.dropped.window.close.ms}
   * (decimal epoch milliseconds), all UTF-8. Without this call dropped records are only counted
   * (metric {@code dropped-records-total}) and logged at a rate limit. Declare the operator first;
   * call this on the stream the operator was applied to (for a key-changing grouping, on the
   * grouped stream), since records are typed as the operator received them.
   *
   * @param operator the name given to the operator with {@link Named}
   * @return the dropped records, with this stream's serdes
   * @throws io.sluice.processor.TopologyException if no operator of that name was declared yet,
   *     it cannot drop records, or it does not read from this stream
   * @throws NullPointerException if {@code operator} is null
   */
  KStream<K, V> droppedRecords(Named operator);

  /**
   * Drops the records whose key was already seen within {@code within}; see {@link
   * #deduplicate(KeyValueMapper, Duration, Deduplicated)}, with the key as the id.
   *
   * @param within how long after an id's first record (in record time) its repeats are dropped;
   *     positive
   * @return the first record of each key within the interval
   * @throws IllegalArgumentException if {@code within} is not positive
   */
  KStream<K, V> deduplicate(Duration within);

  /**
   * Drops the records whose key was already seen within {@code within}; see {@link
   * #deduplicate(KeyValueMapper, Duration, Deduplicated)}, with the key as the id. A stream whose
   * key changed upstream is repartitioned by key first.
   *
   * @param within how long after a key's first record its repeats are dropped; positive
   * @param deduplicated name, key serde (as the id serde), store type and caching
   * @return the first record of each key within the interval
   * @throws IllegalArgumentException if {@code within} is not positive
   */
  KStream<K, V> deduplicate(Duration within, Deduplicated<K> deduplicated);

  /**
   * Forwards the first record of each id and drops the later ones whose timestamp is within
   * {@code within} of it (in either direction, for out-of-order records). The stream is
   * repartitioned by the id first (topic {@code <name>-repartition}, with this stream's serdes or
   * the defaults), so that all records of an id meet in one task.
   *
   * <p>The store remembers, with each id, the source topic, partition and offset of its first
   * record: when that same record is processed again after a failure (at-least-once replays from
   * the last committed offset, while the store may already hold it), it is forwarded again instead
   * of being taken for a duplicate. So at-least-once loses no first record, and exactly-once (where
   * store and offsets commit together) forwards each once.
   *
   * <p>Records whose id is {@code null} are dropped with reason {@code NULL_KEY}: counted, logged
   * at a rate limit, and available with {@link #droppedRecords(Named)} under the operator's name.
   *
   * @param idSelector the id of a record; called once per record
   * @param within how long after an id's first record its repeats are dropped; positive
   * @param deduplicated name, id serde (needed to partition by id), store type and caching
   * @param <ID> id type
   * @return the first record of each id within the interval, with this stream's key and value
   * @throws IllegalArgumentException if {@code within} is not positive
   * @throws NullPointerException if an argument is null
   */
  <ID> KStream<K, V> deduplicate(KeyValueMapper<? super K, ? super V, ? extends ID> idSelector,
      Duration within, Deduplicated<ID> deduplicated);

  /**
   * Groups the records by their current key for an aggregation. If the key may have changed
   * upstream ({@link #map}, {@link #selectKey}, ...), the aggregation first repartitions through
   * a topic {@code <name>-repartition}; records with a {@code null} key are then dropped (and
   * reported as dropped by the aggregation).
   *
   * @return the grouped stream, with this stream's serdes
   */
  KGroupedStream<K, V> groupByKey();

  /**
   * @param grouped the serdes of the repartition topic and its name
   * @return the grouped stream
   * @see #groupByKey()
   */
  KGroupedStream<K, V> groupByKey(Grouped<K, V> grouped);

  /**
   * Groups the records by a new key (always repartitioned before aggregating).
   *
   * @param keySelector returns the new key; a {@code null} key is dropped before the aggregation
   * @param <KR> new key type
   * @return the grouped stream
   */
  <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> keySelector);

  /**
   * @param keySelector returns the new key
   * @param grouped the repartition topic's serdes and name (which also names the key selector)
   * @param <KR> new key type
   * @return the grouped stream
   * @see #groupBy(KeyValueMapper)
   */
  <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> keySelector,
      Grouped<KR, V> grouped);

  /**
   * Reads this stream as a changelog: each record is its key's latest value, {@code null} a
   * delete. Repartitions first if the key may have changed upstream. Records with a {@code null}
   * key are dropped and reported.
   *
   * @return the table
   */
  KTable<K, V> toTable();

  /**
   * @param named the table processor's name
   * @return the table
   * @see #toTable()
   */
  KTable<K, V> toTable(Named named);

  /**
   * @param materialized the table's store (named: queryable)
   * @return the table
   * @see #toTable()
   */
  KTable<K, V> toTable(Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * @param named the table processor's name
   * @param materialized the table's store (named: queryable)
   * @return the table
   * @see #toTable()
   */
  KTable<K, V> toTable(Named named,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  /**
   * Writes the records through a new internal topic {@code <generated name>-repartition} (as
   * many partitions as the upstream topics) and reads them back, partitioned by key.
   *
   * @return the repartitioned records
   */
  KStream<K, V> repartition();

  /**
   * @param repartitioned the topic's name, partition count, partitioner and serdes
   * @return the repartitioned records
   * @see #repartition()
   */
  KStream<K, V> repartition(Repartitioned<K, V> repartitioned);
}
