package io.sluice.dsl;

import io.sluice.state.WindowBytesStoreSupplier;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Options of a stream-stream join: serdes of the key and of both sides' values (for the join
 * buffers and, when a side must be repartitioned, its repartition topic), the name of the join's
 * processors, the base name of its stores, store suppliers or a store type, and changelogging of
 * the stores. Immutable: each {@code with*} returns a copy.
 *
 * <p>Unset serdes fall back to those the streams know, then to the application's {@code
 * default.*.serde}. Without a name the processors get generated names; without a store name the
 * stores are named after the generated processor names, which shift when the topology changes.
 * The store type defaults to {@code default.dsl.store}. Join stores are never cached: every record
 * is buffered as it arrives.
 *
 * @param <K> key type
 * @param <V1> value type of this (left) stream
 * @param <V2> value type of the other (right) stream
 */
public final class StreamJoined<K, V1, V2> {
  private final String name;
  private final String storeName;
  private final Materialized.StoreType storeType;
  private final WindowBytesStoreSupplier thisStoreSupplier;
  private final WindowBytesStoreSupplier otherStoreSupplier;
  private final Serde<K> keySerde;
  private final Serde<V1> valueSerde;
  private final Serde<V2> otherValueSerde;
  private final boolean loggingEnabled;
  private final Map<String, String> topicConfig;

  private StreamJoined(Builder<K, V1, V2> b) {
    this.name = b.name;
    this.storeName = b.storeName;
    this.storeType = b.storeType;
    this.thisStoreSupplier = b.thisStoreSupplier;
    this.otherStoreSupplier = b.otherStoreSupplier;
    this.keySerde = b.keySerde;
    this.valueSerde = b.valueSerde;
    this.otherValueSerde = b.otherValueSerde;
    this.loggingEnabled = b.loggingEnabled;
    this.topicConfig = b.topicConfig;
  }

  /**
   * @param keySerde the key serde, or {@code null} to inherit
   * @param valueSerde this stream's value serde, or {@code null} to inherit
   * @param otherValueSerde the other stream's value serde, or {@code null} to inherit
   * @return options with these serdes
   */
  public static <K, V1, V2> StreamJoined<K, V1, V2> with(
      Serde<K> keySerde,
      Serde<V1> valueSerde,
      Serde<V2> otherValueSerde) {
    Builder<K, V1, V2> b = new Builder<>();
    b.keySerde = keySerde;
    b.valueSerde = valueSerde;
    b.otherValueSerde = otherValueSerde;
    return new StreamJoined<>(b);
  }

  /**
   * @param thisStoreSupplier the buffer of this stream's records; must retain duplicates
   * @param otherStoreSupplier the buffer of the other stream's records; must retain duplicates
   * @return options with these suppliers (checked against the windows when the join is declared)
   * @throws NullPointerException if a supplier is null
   */
  public static <K, V1, V2> StreamJoined<K, V1, V2> with(
      WindowBytesStoreSupplier thisStoreSupplier, WindowBytesStoreSupplier otherStoreSupplier) {
    Builder<K, V1, V2> b = new Builder<>();
    b.thisStoreSupplier = Objects.requireNonNull(thisStoreSupplier,
        "StreamJoined: thisStoreSupplier must not be null");
    b.otherStoreSupplier = Objects.requireNonNull(otherStoreSupplier,
        "StreamJoined: otherStoreSupplier must not be null");
    return new StreamJoined<>(b);
  }

  /**
   * @param storeName the base name of the join's stores and their changelogs
   * @return options with that store name
   * @throws io.sluice.processor.TopologyException if the name is invalid
   */
  public static <K, V1, V2> StreamJoined<K, V1, V2> as(String storeName) {
    return StreamJoined.<K, V1, V2>with(null, null, null).withStoreName(storeName);
  }

  /**
   * @param name the base name of the join's processors ({@code <name>-this-join}, ...), its
   *     repartition topics ({@code <name>-left-repartition}, ...) and, with {@code
   *     droppedRecords(Named.as(name))}, its dropped-records outputs
   * @return a copy with that name
   * @throws io.sluice.processor.TopologyException if the name is invalid
   */
  public StreamJoined<K, V1, V2> withName(String name) {
    Builder<K, V1, V2> b = new Builder<>(this);
    b.name = Named.validate(name);
    return new StreamJoined<>(b);
  }

  /**
   * @param storeName the base name of the join's stores ({@code <storeName>-this-join-store},
   *     ...), which also names their changelog topics
   * @return a copy with that store name
   * @throws io.sluice.processor.TopologyException if the name is invalid
   */
  public StreamJoined<K, V1, V2> withStoreName(String storeName) {
    Builder<K, V1, V2> b = new Builder<>(this);
    b.storeName = Named.validate(storeName);
    return new StreamJoined<>(b);
  }

  /**
   * @param storeType the type of the stores built without a supplier, instead of {@code
   *     default.dsl.store}
   * @return a copy with that store type
   * @throws NullPointerException if {@code storeType} is null
   */
  public StreamJoined<K, V1, V2> withStoreType(Materialized.StoreType storeType) {
    Builder<K, V1, V2> b = new Builder<>(this);
    b.storeType = Objects.requireNonNull(storeType, "StreamJoined: storeType must not be null");
    return new StreamJoined<>(b);
  }

  /**
   * @param supplier the buffer of this stream's records; must retain duplicates
   * @return a copy with that supplier
   * @throws NullPointerException if {@code supplier} is null
   */
  public StreamJoined<K, V1, V2> withThisStoreSupplier(WindowBytesStoreSupplier supplier) {
    Builder<K, V1, V2> b = new Builder<>(this);
    b.thisStoreSupplier = Objects.requireNonNull(supplier,
        "StreamJoined: thisStoreSupplier must not be null");
    return new StreamJoined<>(b);
  }

  /**
   * @param supplier the buffer of the other stream's records; must retain duplicates
   * @return a copy with that supplier
   * @throws NullPointerException if {@code supplier} is null
   */
  public StreamJoined<K, V1, V2> withOtherStoreSupplier(WindowBytesStoreSupplier supplier) {
    Builder<K, V1, V2> b = new Builder<>(this);
    b.otherStoreSupplier = Objects.requireNonNull(supplier,
        "StreamJoined: otherStoreSupplier must not be null");
    return new StreamJoined<>(b);
  }

  /** @return a copy with this key serde ({@code null} to inherit) */
  public StreamJoined<K, V1, V2> withKeySerde(
      Serde<K> serde) {
    Builder<K, V1, V2> b = new Builder<>(this);
    b.keySerde = serde;
    return new StreamJoined<>(b);
  }

  /** @return a copy with this stream's value serde ({@code null} to inherit) */
  public StreamJoined<K, V1, V2> withValueSerde(
      Serde<V1> serde) {
    Builder<K, V1, V2> b = new Builder<>(this);
    b.valueSerde = serde;
    return new StreamJoined<>(b);
  }

  /** @return a copy with the other stream's value serde ({@code null} to inherit) */
  public StreamJoined<K, V1, V2> withOtherValueSerde(
      Serde<V2> serde) {
    Builder<K, V1, V2> b = new Builder<>(this);
    b.otherValueSerde = serde;
    return new StreamJoined<>(b);
  }

  /**
   * @param config extra topic configs of the stores' changelog topics
   * @return a copy with changelogging on (the default)
   * @throws NullPointerException if {@code config} is null
   */
  public StreamJoined<K, V1, V2> withLoggingEnabled(Map<String, String> config) {
    Builder<K, V1, V2> b = new Builder<>(this);
    b.loggingEnabled = true;
    b.topicConfig = Map.copyOf(Objects.requireNonNull(config,
        "StreamJoined: changelog config must not be null; pass Map.of() for none"));
    return new StreamJoined<>(b);
  }

  /** @return a copy whose stores have no changelog (their content is lost on failover) */
  public StreamJoined<K, V1, V2> withLoggingDisabled() {
    Builder<K, V1, V2> b = new Builder<>(this);
    b.loggingEnabled = false;
    b.topicConfig = Map.of();
    return new StreamJoined<>(b);
  }

  /** @return the processors' base name, or {@code null} */
  public String name() {
    return name;
  }

  /** @return the stores' base name, or {@code null} */
  public String storeName() {
    return storeName;
  }

  /** @return the store type, or {@code null} for {@code default.dsl.store} */
  public Materialized.StoreType storeType() {
    return storeType;
  }

  /** @return this stream's buffer supplier, or {@code null} */
  public WindowBytesStoreSupplier thisStoreSupplier() {
    return thisStoreSupplier;
  }

  /** @return the other stream's buffer supplier, or {@code null} */
  public WindowBytesStoreSupplier otherStoreSupplier() {
    return otherStoreSupplier;
  }

  /** @return the key serde, or {@code null} */
  public Serde<K> keySerde() {
    return keySerde;
  }

  /** @return this stream's value serde, or {@code null} */
  public Serde<V1> valueSerde() {
    return valueSerde;
  }

  /** @return the other stream's value serde, or {@code null} */
  public Serde<V2> otherValueSerde() {
    return otherValueSerde;
  }

  /** @return whether the stores are changelogged */
  public boolean loggingEnabled() {
    return loggingEnabled;
  }

  /** @return the extra changelog topic configs */
  public Map<String, String> topicConfig() {
    return topicConfig;
  }

  @Override
  public String toString() {
    return "StreamJoined(name=" + name + ", storeName=" + storeName + ", storeType=" + storeType
        + ", logging=" + loggingEnabled + ")";
  }

  /** Mutable copy used by the {@code with*} methods. */
  private static final class Builder<K, V1, V2> {
    private String name;
    private String storeName;
    private Materialized.StoreType storeType;
    private WindowBytesStoreSupplier thisStoreSupplier;
    private WindowBytesStoreSupplier otherStoreSupplier;
    private Serde<K> keySerde;
    private Serde<V1> valueSerde;
    private Serde<V2> otherValueSerde;
    private boolean loggingEnabled = true;
    private Map<String, String> topicConfig = Map.of();

    Builder() {}

    Builder(StreamJoined<K, V1, V2> o) {
      name = o.name;
      storeName = o.storeName;
      storeType = o.storeType;
      thisStoreSupplier = o.thisStoreSupplier;
      otherStoreSupplier = o.otherStoreSupplier;
      keySerde = o.keySerde;
      valueSerde = o.valueSerde;
      otherValueSerde = o.otherValueSerde;
      loggingEnabled = o.loggingEnabled;
      topicConfig = o.topicConfig;
    }
  }
}
