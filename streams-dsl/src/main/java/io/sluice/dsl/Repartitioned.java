package io.sluice.dsl;

import io.sluice.processor.StreamPartitioner;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * How {@link KStream#repartition} writes its topic: name (topic {@code <name>-repartition}),
 * partition count, partitioner and serdes. Unset: a generated name, as many partitions as the
 * upstream topics, the default partitioner, and the stream's or the default serdes. Immutable:
 * each {@code with*} returns a copy.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class Repartitioned<K, V> {
  private final String name;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private final Integer partitions;
  private final StreamPartitioner<? super K, ? super V> partitioner;

  private Repartitioned(String name, Serde<K> keySerde, Serde<V> valueSerde, Integer partitions,
      StreamPartitioner<? super K, ? super V> partitioner) {
    this.name = name;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.partitions = partitions;
    this.partitioner = partitioner;
  }

  /** @return options with nothing set */
  public static <K, V> Repartitioned<K, V> defaults() {
    return new Repartitioned<>(null, null, null, null, null);
  }

  /**
   * @param name names the topic {@code <name>-repartition} and its processors (see
   *     {@link Named#as})
   * @return options with this name
   */
  public static <K, V> Repartitioned<K, V> as(String name) {
    return Repartitioned.<K, V>defaults().withName(name);
  }

  /**
   * @param keySerde key serde, or {@code null} for the stream's or the default one
   * @param valueSerde value serde, or {@code null} for the stream's or the default one
   * @return options with these serdes
   */
  public static <K, V> Repartitioned<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
    return new Repartitioned<>(null, keySerde, valueSerde, null, null);
  }

  /**
   * @param partitions the topic's partition count, positive
   * @return options with this count
   */
  public static <K, V> Repartitioned<K, V> numberOfPartitions(int partitions) {
    return Repartitioned.<K, V>defaults().withNumberOfPartitions(partitions);
  }

  /**
   * @param partitioner chooses each record's partition
   * @return options with this partitioner
   */
  public static <K, V> Repartitioned<K, V> streamPartitioner(
      StreamPartitioner<? super K, ? super V> partitioner) {
    return Repartitioned.<K, V>defaults().withStreamPartitioner(partitioner);
  }

  /**
   * @param name see {@link #as}
   * @return a copy with this name
   * @throws io.sluice.processor.TopologyException if the name is not valid
   */
  public Repartitioned<K, V> withName(String name) {
    return new Repartitioned<>(Named.validate(name), keySerde, valueSerde, partitions,
        partitioner);
  }

  /**
   * @param serde key serde, or {@code null} for the stream's or the default one
   * @return a copy with this key serde
   */
  public Repartitioned<K, V> withKeySerde(Serde<K> serde) {
    return new Repartitioned<>(name, serde, valueSerde, partitions, partitioner);
  }

  /**
   * @param serde value serde, or {@code null} for the stream's or the default one
   * @return a copy with this value serde
   */
  public Repartitioned<K, V> withValueSerde(Serde<V> serde) {
    return new Repartitioned<>(name, keySerde, serde, partitions, partitioner);
  }

  /**
   * @param count the topic's partition count
   * @return a copy with this count
   * @throws IllegalArgumentException if {@code count} is not positive
   */
  public Repartitioned<K, V> withNumberOfPartitions(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("Repartitioned partition count must be positive but was "
          + count);
    }
    return new Repartitioned<>(name, keySerde, valueSerde, count, partitioner);
  }

  /**
   * @param streamPartitioner chooses each record's partition
   * @return a copy with this partitioner
   * @throws NullPointerException if {@code streamPartitioner} is null
   */
  public Repartitioned<K, V> withStreamPartitioner(
      StreamPartitioner<? super K, ? super V> streamPartitioner) {
    return new Repartitioned<>(name, keySerde, valueSerde, partitions,
        Objects.requireNonNull(streamPartitioner, "Repartitioned stream partitioner"));
  }

  /** @return the name, or {@code null} for a generated one */
  public String name() {
    return name;
  }

  /** @return the key serde, or {@code null} if unset */
  public Serde<K> keySerde() {
    return keySerde;
  }

  /** @return the value serde, or {@code null} if unset */
  public Serde<V> valueSerde() {
    return valueSerde;
  }

  /** @return the partition count, or -1 to follow the upstream topics */
  public int partitions() {
    return partitions == null ? -1 : partitions;
  }

  /** @return the partitioner, or {@code null} for the default one */
  public StreamPartitioner<? super K, ? super V> partitioner() {
    return partitioner;
  }
}
