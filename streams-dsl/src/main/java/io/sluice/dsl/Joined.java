package io.sluice.dsl;

import org.apache.kafka.common.serialization.Serde;

/**
 * Options of a stream-table join: the processor's name and the serdes of the key, the stream's
 * values and the table's values (used when the stream must be repartitioned before the join).
 * Immutable: each {@code with*} returns a copy. Unset serdes fall back to those the stream and
 * table know, then to the application's {@code default.*.serde}.
 *
 * <p>Sluice joins against the table's latest value when the stream record is processed; there is
 * no grace period for versioned tables (Kafka Streams' {@code Joined.withGracePeriod}).
 *
 * @param <K> key type
 * @param <V> the stream's value type
 * @param <VO> the table's value type
 */
public final class Joined<K, V, VO> {
  private final String name;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private final Serde<VO> otherValueSerde;

  private Joined(String name, Serde<K> keySerde, Serde<V> valueSerde, Serde<VO> otherValueSerde) {
    this.name = name;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.otherValueSerde = otherValueSerde;
  }

  /**
   * @param keySerde the key serde, or {@code null} to inherit
   * @param valueSerde the stream's value serde, or {@code null} to inherit
   * @param otherValueSerde the table's value serde, or {@code null} to inherit
   * @return options with these serdes
   */
  public static <K, V, VO> Joined<K, V, VO> with(Serde<K> keySerde, Serde<V> valueSerde,
      Serde<VO> otherValueSerde) {
    return new Joined<>(null, keySerde, valueSerde, otherValueSerde);
  }

  /**
   * @param name the join processor's name, also the base of its repartition topic ({@code
   *     <name>-repartition}) and the operator name for {@code droppedRecords}
   * @return options with that name
   * @throws io.sluice.processor.TopologyException if the name is invalid
   */
  public static <K, V, VO> Joined<K, V, VO> as(String name) {
    return new Joined<>(Named.validate(name), null, null, null);
  }

  /** @return a copy with that processor name (see {@link #as}) */
  public Joined<K, V, VO> withName(String name) {
    return new Joined<>(Named.validate(name), keySerde, valueSerde, otherValueSerde);
  }

  /** @return a copy with that key serde ({@code null} to inherit) */
  public Joined<K, V, VO> withKeySerde(Serde<K> serde) {
    return new Joined<>(name, serde, valueSerde, otherValueSerde);
  }

  /** @return a copy with that stream value serde ({@code null} to inherit) */
  public Joined<K, V, VO> withValueSerde(Serde<V> serde) {
    return new Joined<>(name, keySerde, serde, otherValueSerde);
  }

  /** @return a copy with that table value serde ({@code null} to inherit) */
  public Joined<K, V, VO> withOtherValueSerde(Serde<VO> serde) {
    return new Joined<>(name, keySerde, valueSerde, serde);
  }

  /** @return the processor name, or {@code null} */
  public String name() {
    return name;
  }

  /** @return the key serde, or {@code null} */
  public Serde<K> keySerde() {
    return keySerde;
  }

  /** @return the stream's value serde, or {@code null} */
  public Serde<V> valueSerde() {
    return valueSerde;
  }

  /** @return the table's value serde, or {@code null} */
  public Serde<VO> otherValueSerde() {
    return otherValueSerde;
  }

  @Override
  public String toString() {
    return "Joined(name=" + name + ")";
  }
}
