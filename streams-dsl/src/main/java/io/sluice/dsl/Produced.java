package io.sluice.dsl;

import io.sluice.processor.StreamPartitioner;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * How {@link KStream#to} writes records: key and value serdes, partitioner and sink processor name.
 * An unset serde is the one the stream carries when known (from its source, through operators that
 * keep it), else the application's {@code default.*} serde. Immutable: each {@code with*} returns a
 * copy.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class Produced<K, V> {
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private final StreamPartitioner<? super K, ? super V> partitioner;
  private final String name;

  private Produced(Serde<K> keySerde, Serde<V> valueSerde,
      StreamPartitioner<? super K, ? super V> partitioner, String name) {
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.partitioner = partitioner;
    this.name = name;
  }

  /**
   * @param <K> key type
   * @param <V> value type
   * @return options with nothing set
   */
  public static <K, V> Produced<K, V> defaults() {
    return new Produced<>(null, null, null, null);
  }

  /**
   * @param keySerde key serde, or {@code null} for the inherited or default one
   * @param valueSerde value serde, or {@code null} for the inherited or default one
   * @param <K> key type
   * @param <V> value type
   * @return options with these serdes
   */
  public static <K, V> Produced<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
    return new Produced<>(keySerde, valueSerde, null, null);
  }

  /**
   * @param name the sink processor's name (see {@link Named#as})
   * @param <K> key type
   * @param <V> value type
   * @return options with this name
   */
  public static <K, V> Produced<K, V> as(String name) {
    return Produced.<K, V>defaults().withName(name);
  }

  /**
   * @param serde key serde, or {@code null} for the inherited or default one
   * @return a copy with this key serde
   */
  public Produced<K, V> withKeySerde(Serde<K> serde) {
    return new Produced<>(serde, valueSerde, partitioner, name);
  }

  /**
   * @param serde value serde, or {@code null} for the inherited or default one
   * @return a copy with this value serde
   */
  public Produced<K, V> withValueSerde(Serde<V> serde) {
    return new Produced<>(keySerde, serde, partitioner, name);
  }

  /**
   * @param streamPartitioner chooses each record's partition; an empty answer leaves the choice to
   *     the producer's partitioner
   * @return a copy with this partitioner
   * @throws NullPointerException if {@code streamPartitioner} is null
   */
  public Produced<K, V> withStreamPartitioner(
      StreamPartitioner<? super K, ? super V> streamPartitioner) {
    return new Produced<>(keySerde, valueSerde,
        Objects.requireNonNull(streamPartitioner, "Produced stream partitioner"), name);
  }

  /**
   * @param processorName the sink processor's name (see {@link Named#as})
   * @return a copy with this name
   * @throws io.sluice.processor.TopologyException if the name is not valid
   */
  public Produced<K, V> withName(String processorName) {
    return new Produced<>(keySerde, valueSerde, partitioner, Named.validate(processorName));
  }

  /** @return the key serde, or {@code null} if unset */
  public Serde<K> keySerde() {
    return keySerde;
  }

  /** @return the value serde, or {@code null} if unset */
  public Serde<V> valueSerde() {
    return valueSerde;
  }

  /** @return the partitioner, or {@code null} for the producer's own */
  public StreamPartitioner<? super K, ? super V> streamPartitioner() {
    return partitioner;
  }

  /** @return the sink processor's name, or {@code null} for a generated one */
  public String name() {
    return name;
  }
}
