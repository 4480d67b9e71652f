package io.sluice.dsl;

import io.sluice.state.KeyValueBytesStoreSupplier;
import io.sluice.state.KeyValueStore;
import io.sluice.state.SessionBytesStoreSupplier;
import io.sluice.state.SessionStore;
import io.sluice.state.StateStore;
import io.sluice.state.StoreSupplier;
import io.sluice.state.WindowBytesStoreSupplier;
import io.sluice.state.WindowStore;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * How a DSL operator keeps its state store: the store's name (which makes it queryable and names
 * its changelog {@code <application.id>-<name>-changelog}), key and value serdes, store type or
 * supplier, changelogging and caching, and, for windowed stores, retention. Immutable: each
 * {@code with*} returns a copy.
 *
 * <p>Unset parts fall back when the topology is built: the name to a generated one (the store is
 * then not meant to be queried), the serdes to those the operator knows or the application's
 * {@code default.*.serde}, the store type to {@code default.dsl.store} (RocksDB unless set).
 * Changelogging and caching are on unless switched off.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <S> the store type, such as {@code KeyValueStore<Bytes, byte[]>}; it only guides type
 *     inference
 */
public final class Materialized<K, V, S extends StateStore> {
  /** The built-in store types, chosen instead of {@code default.dsl.store}. */
  public enum StoreType {
    /** Persistent RocksDB stores. */
    ROCKS_DB,
    /** In-memory stores, restored in full from the changelog after a restart. */
    IN_MEMORY
  }

  private final String storeName;
  private final StoreSupplier<?> supplier;
  private final StoreType storeType;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private final boolean loggingEnabled;
  private final Map<String, String> topicConfig;
  private final boolean cachingEnabled;
  private final Duration retention;

  private Materialized(String storeName, StoreSupplier<?> supplier, StoreType storeType,
      Serde<K> keySerde,
      Serde<V> valueSerde, boolean loggingEnabled,
      Map<String, String> topicConfig, boolean cachingEnabled, Duration retention) {
    this.storeName = storeName;
    this.supplier = supplier;
    this.storeType = storeType;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.loggingEnabled = loggingEnabled;
    this.topicConfig = topicConfig;
    this.cachingEnabled = cachingEnabled;
    this.retention = retention;
  }

  private static <K, V, S extends StateStore> Materialized<K, V, S> of(String name,
      StoreSupplier<?> supplier) {
    return new Materialized<>(name, supplier, null, null, null, true, Map.of(), true, null);
  }

  /**
   * @param storeName the store's name (see {@link Named#as} for the valid characters)
   * @return options naming the store, which makes it queryable under that name
   * @throws io.sluice.processor.TopologyException if the name is not valid
   */
  public static <K, V, S extends StateStore> Materialized<K, V, S> as(String storeName) {
    return of(Named.validate(storeName), null);
  }

  /**
   * @param storeType the store type to use instead of {@code default.dsl.store}
   * @return options choosing the store type; the name is generated
   * @throws NullPointerException if {@code storeType} is null
   */
  public static <K, V, S extends StateStore> Materialized<K, V, S> as(StoreType storeType) {
    return Materialized.<K, V, S>of(null, null)
        .withStoreType(Objects.requireNonNull(storeType, "Materialized store type"));
  }

  /**
   * @param supplier the key-value byte store to use; its name names the store
   * @return options with this supplier
   * @throws NullPointerException if {@code supplier} is null
   */
  public static <K, V> Materialized<K, V, KeyValueStore<Bytes, byte[]>> as(
      KeyValueBytesStoreSupplier supplier) {
    return of(Objects.requireNonNull(supplier, "Materialized supplier").name(), supplier);
  }

  /**
   * @param supplier the window byte store to use; its name names the store, its retention is the
   *     store's
   * @return options with this supplier
   * @throws NullPointerException if {@code supplier} is null
   */
  public static <K, V> Materialized<K, V, WindowStore<Bytes, byte[]>> as(
      WindowBytesStoreSupplier supplier) {
    return of(Objects.requireNonNull(supplier, "Materialized supplier").name(), supplier);
  }

  /**
   * @param supplier the session byte store to use; its name names the store
   * @return options with this supplier
   * @throws NullPointerException if {@code supplier} is null
   */
  public static <K, V> Materialized<K, V, SessionStore<Bytes, byte[]>> as(
      SessionBytesStoreSupplier supplier) {
    return of(Objects.requireNonNull(supplier, "Materialized supplier").name(), supplier);
  }

  /**
   * @param keySerde key serde, or {@code null} for the operator's or the default one
   * @param valueSerde value serde, or {@code null} for the operator's or the default one
   * @return options with these serdes and a generated store name
   */
  public static <K, V, S extends StateStore> Materialized<K, V, S> with(
      Serde<K> keySerde,
      Serde<V> valueSerde) {
    return Materialized.<K, V, S>of(null, null).withKeySerde(keySerde).withValueSerde(valueSerde);
  }

  /**
   * @param serde key serde, or {@code null} for the operator's or the default one
   * @return a copy with this key serde
   */
  public Materialized<K, V, S> withKeySerde(Serde<K> serde) {
    return new Materialized<>(storeName, supplier, storeType, serde, valueSerde, loggingEnabled,
        topicConfig, cachingEnabled, retention);
  }

  /**
   * @param serde value serde, or {@code null} for the operator's or the default one
   * @return a copy with this value serde
   */
  public Materialized<K, V, S> withValueSerde(
      Serde<V> serde) {
    return new Materialized<>(storeName, supplier, storeType, keySerde, serde, loggingEnabled,
        topicConfig, cachingEnabled, retention);
  }

  /**
   * @param config extra configs of the changelog topic; may be empty
   * @return a copy that changelogs the store (the default)
   * @throws NullPointerException if {@code config} is null
   */
  public Materialized<K, V, S> withLoggingEnabled(Map<String, String> config) {
    return new Materialized<>(storeName, supplier, storeType, keySerde, valueSerde, true,
        Map.copyOf(Objects.requireNonNull(config, "Materialized changelog config")),
        cachingEnabled, retention);
  }

  /** @return a copy whose store has no changelog: it is not restored after a failure or move */
  public Materialized<K, V, S> withLoggingDisabled() {
    return new Materialized<>(storeName, supplier, storeType, keySerde, valueSerde, false,
        Map.of(), cachingEnabled, retention);
  }

  /**
   * @return a copy whose store caches writes until commit (the default), so downstream sees at
   *     most one update per key per commit
   */
  public Materialized<K, V, S> withCachingEnabled() {
    return new Materialized<>(storeName, supplier, storeType, keySerde, valueSerde,
        loggingEnabled, topicConfig, true, retention);
  }

  /** @return a copy whose store forwards every update downstream as it is written */
  public Materialized<K, V, S> withCachingDisabled() {
    return new Materialized<>(storeName, supplier, storeType, keySerde, valueSerde,
        loggingEnabled, topicConfig, false, retention);
  }

  /**
   * For windowed and session stores: how long windows are kept, in stream time, after their start
   * (window stores) or end (session stores). Must be at least window size plus grace; the windowed
   * operator checks that when it is declared. Unset: the windowed operator's default.
   *
   * @param retention the retention, not negative
   * @return a copy with this retention
   * @throws NullPointerException if {@code retention} is null
   * @throws IllegalArgumentException if {@code retention} is negative
   */
  public Materialized<K, V, S> withRetention(Duration retention) {
    Objects.requireNonNull(retention, "Materialized retention");
    if (retention.isNegative()) {
      throw new IllegalArgumentException("Materialized retention must not be negative but was "
          + retention);
    }
    return new Materialized<>(storeName, supplier, storeType, keySerde, valueSerde,
        loggingEnabled, topicConfig, cachingEnabled, retention);
  }

  /**
   * @param type the store type, used unless a supplier was given
   * @return a copy with this store type
   * @throws NullPointerException if {@code type} is null
   */
  public Materialized<K, V, S> withStoreType(StoreType type) {
    return new Materialized<>(storeName, supplier, Objects.requireNonNull(type,
        "Materialized store type"), keySerde, valueSerde, loggingEnabled, topicConfig,
        cachingEnabled, retention);
  }

  /** @return the store name, or {@code null} for a generated one */
  public String storeName() {
    return storeName;
  }

  /** @return the byte store supplier, or {@code null} to choose by store type */
  public StoreSupplier<?> storeSupplier() {
    return supplier;
  }

  /** @return the store type, or {@code null} for {@code default.dsl.store} */
  public StoreType storeType() {
    return storeType;
  }

  /** @return the key serde, or {@code null} if unset */
  public Serde<K> keySerde() {
    return keySerde;
  }

  /** @return the value serde, or {@code null} if unset */
  public Serde<V> valueSerde() {
    return valueSerde;
  }

  /** @return whether the store is changelogged */
  public boolean loggingEnabled() {
    return loggingEnabled;
  }

  /** @return the extra changelog topic configs */
  public Map<String, String> topicConfig() {
    return topicConfig;
  }

  /** @return whether the store caches writes until commit */
  public boolean cachingEnabled() {
    return cachingEnabled;
  }

  /** @return the retention of a windowed store, or {@code null} if unset */
  public Duration retention() {
    return retention;
  }
}
