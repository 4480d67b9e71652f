package io.sluice.dsl;

import io.sluice.processor.AutoOffsetReset;
import io.sluice.processor.TimestampExtractor;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * How {@link StreamsBuilder#stream} reads its topics: key and value serdes, timestamp extractor,
 * offset reset policy and source processor name. Every field is optional; an unset serde or
 * extractor falls back to the application's {@code default.*} settings. Immutable: each
 * {@code with*} returns a copy.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class Consumed<K, V> {
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private final TimestampExtractor timestampExtractor;
  private final AutoOffsetReset offsetReset;
  private final String name;

  private Consumed(Serde<K> keySerde, Serde<V> valueSerde, TimestampExtractor timestampExtractor,
      AutoOffsetReset offsetReset, String name) {
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.timestampExtractor = timestampExtractor;
    this.offsetReset = offsetReset;
    this.name = name;
  }

  /**
   * @param <K> key type
   * @param <V> value type
   * @return options with nothing set: default serdes, extractor and reset policy, generated name
   */
  public static <K, V> Consumed<K, V> defaults() {
    return new Consumed<>(null, null, null, null, null);
  }

  /**
   * @param keySerde key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde value serde, or {@code null} for {@code default.value.serde}
   * @param <K> key type
   * @param <V> value type
   * @return options with these serdes
   */
  public static <K, V> Consumed<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
    return new Consumed<>(keySerde, valueSerde, null, null, null);
  }

  /**
   * @param keySerde key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde value serde, or {@code null} for {@code default.value.serde}
   * @param extractor timestamp extractor, or {@code null} for {@code
   *     default.timestamp.extractor}
   * @param reset offset reset policy, or {@code null} for {@code auto.offset.reset}
   * @param <K> key type
   * @param <V> value type
   * @return options with all four set
   */
  public static <K, V> Consumed<K, V> with(Serde<K> keySerde, Serde<V> valueSerde,
      TimestampExtractor extractor, AutoOffsetReset reset) {
    return new Consumed<>(keySerde, valueSerde, extractor, reset, null);
  }

  /**
   * @param extractor the timestamp extractor of these topics' records
   * @param <K> key type
   * @param <V> value type
   * @return options with this extractor
   * @throws NullPointerException if {@code extractor} is null
   */
  public static <K, V> Consumed<K, V> with(TimestampExtractor extractor) {
    return Consumed.<K, V>defaults().withTimestampExtractor(extractor);
  }

  /**
   * @param reset where to start reading a partition with no committed offset
   * @param <K> key type
   * @param <V> value type
   * @return options with this policy
   * @throws NullPointerException if {@code reset} is null
   */
  public static <K, V> Consumed<K, V> with(AutoOffsetReset reset) {
    return Consumed.<K, V>defaults().withOffsetResetPolicy(reset);
  }

  /**
   * @param name the source processor's name (see {@link Named#as} for the valid characters)
   * @param <K> key type
   * @param <V> value type
   * @return options with this name
   */
  public static <K, V> Consumed<K, V> as(String name) {
    return Consumed.<K, V>defaults().withName(name);
  }

  /**
   * @param serde key serde, or {@code null} for {@code default.key.serde}
   * @return a copy with this key serde
   */
  public Consumed<K, V> withKeySerde(Serde<K> serde) {
    return new Consumed<>(serde, valueSerde, timestampExtractor, offsetReset, name);
  }

  /**
   * @param serde value serde, or {@code null} for {@code default.value.serde}
   * @return a copy with this value serde
   */
  public Consumed<K, V> withValueSerde(Serde<V> serde) {
    return new Consumed<>(keySerde, serde, timestampExtractor, offsetReset, name);
  }

  /**
   * @param extractor the timestamp extractor of these topics' records
   * @return a copy with this extractor
   * @throws NullPointerException if {@code extractor} is null
   */
  public Consumed<K, V> withTimestampExtractor(TimestampExtractor extractor) {
    return new Consumed<>(keySerde, valueSerde,
        Objects.requireNonNull(extractor, "Consumed timestamp extractor"), offsetReset, name);
  }

  /**
   * @param reset where to start reading a partition with no committed offset
   * @return a copy with this policy
   * @throws NullPointerException if {@code reset} is null
   */
  public Consumed<K, V> withOffsetResetPolicy(AutoOffsetReset reset) {
    return new Consumed<>(keySerde, valueSerde, timestampExtractor,
        Objects.requireNonNull(reset, "Consumed offset reset policy"), name);
  }

  /**
   * @param processorName the source processor's name (see {@link Named#as})
   * @return a copy with this name
   * @throws io.sluice.processor.TopologyException if the name is not valid
   */
  public Consumed<K, V> withName(String processorName) {
    return new Consumed<>(keySerde, valueSerde, timestampExtractor, offsetReset,
        Named.validate(processorName));
  }

  /** @return the key serde, or {@code null} if unset */
  public Serde<K> keySerde() {
    return keySerde;
  }

  /** @return the value serde, or {@code null} if unset */
  public Serde<V> valueSerde() {
    return valueSerde;
  }

  /** @return the timestamp extractor, or {@code null} if unset */
  public TimestampExtractor timestampExtractor() {
    return timestampExtractor;
  }

  /** @return the offset reset policy, or {@code null} if unset */
  public AutoOffsetReset offsetResetPolicy() {
    return offsetReset;
  }

  /** @return the source processor's name, or {@code null} for a generated one */
  public String name() {
    return name;
  }
}
