package io.sluice.dsl;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * How a grouping ({@link KStream#groupByKey}, {@link KStream#groupBy}, {@link KTable#groupBy})
 * repartitions: the key and value serdes of the repartition topic and the name of its processors
 * and topic ({@code <name>-repartition}). Immutable: each {@code with*} returns a copy.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class Grouped<K, V> {
  private final String name;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;

  private Grouped(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    this.name = name;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
  }

  /**
   * @param name names the repartition topic {@code <name>-repartition} and its processors (see
   *     {@link Named#as} for the valid characters)
   * @return options with this name
   * @throws io.sluice.processor.TopologyException if the name is not valid
   */
  public static <K, V> Grouped<K, V> as(String name) {
    return new Grouped<>(Named.validate(name), null, null);
  }

  /**
   * @param keySerde key serde, or {@code null} for the stream's or the default one
   * @param valueSerde value serde, or {@code null} for the stream's or the default one
   * @return options with these serdes
   */
  public static <K, V> Grouped<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
    return new Grouped<>(null, keySerde, valueSerde);
  }

  /**
   * @param name see {@link #as}
   * @param keySerde key serde, or {@code null} for the stream's or the default one
   * @param valueSerde value serde, or {@code null} for the stream's or the default one
   * @return options with this name and these serdes
   */
  public static <K, V> Grouped<K, V> with(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    return new Grouped<>(Named.validate(name), keySerde, valueSerde);
  }

  /**
   * @param keySerde key serde, or {@code null} for the stream's or the default one
   * @return options with this key serde
   */
  public static <K, V> Grouped<K, V> keySerde(Serde<K> keySerde) {
    return new Grouped<>(null, keySerde, null);
  }

  /**
   * @param valueSerde value serde, or {@code null} for the stream's or the default one
   * @return options with this value serde
   */
  public static <K, V> Grouped<K, V> valueSerde(Serde<V> valueSerde) {
    return new Grouped<>(null, null, valueSerde);
  }

  /**
   * @param name see {@link #as}
   * @return a copy with this name
   */
  public Grouped<K, V> withName(String name) {
    return new Grouped<>(Named.validate(name), keySerde, valueSerde);
  }

  /**
   * @param serde key serde, or {@code null} for the stream's or the default one
   * @return a copy with this key serde
   */
  public Grouped<K, V> withKeySerde(Serde<K> serde) {
    return new Grouped<>(name, serde, valueSerde);
  }

  /**
   * @param serde value serde, or {@code null} for the stream's or the default one
   * @return a copy with this value serde
   */
  public Grouped<K, V> withValueSerde(Serde<V> serde) {
    return new Grouped<>(name, keySerde, serde);
  }

  /** @return the name, or {@code null} for generated names */
  public String name() {
    return name;
  }

  /** @return the key serde, or {@code null} if unset */
  public Serde<K> keySerdeOrNull() {
    return keySerde;
  }

  /** @return the value serde, or {@code null} if unset */
  public Serde<V> valueSerdeOrNull() {
    return valueSerde;
  }

  @Override
  public String toString() {
    return "Grouped(" + Objects.toString(name, "<generated>") + ")";
  }
}
