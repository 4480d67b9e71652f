package io.sluice.dsl.internals;

import io.sluice.dsl.Materialized;
import io.sluice.processor.TopologyException;
import io.sluice.state.KeyValueBytesStoreSupplier;
import io.sluice.state.SessionBytesStoreSupplier;
import io.sluice.state.SessionStore;
import io.sluice.state.StateStore;
import io.sluice.state.StoreBuilder;
import io.sluice.state.StoreSupplier;
import io.sluice.state.Stores;
import io.sluice.state.TimestampedKeyValueStore;
import io.sluice.state.TimestampedWindowStore;
import io.sluice.state.WindowBytesStoreSupplier;
import io.sluice.state.WindowStore;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;

/**
 * The store factory of DSL operators: a {@link Materialized} with its store name settled (the
 * user's, else generated when the operator is declared) and serdes completed from what the
 * operator knows, turned into {@link StoreBuilder}s only when the topology is written, so that
 * {@code default.dsl.store} from the build settings decides the store type. Changelogging and
 * caching follow the {@code Materialized} (both on by default), except that, as in Kafka Streams,
 * a topology built with {@code statestore.cache.max.bytes=0} gets no caching layers: its stores
 * forward every write, deletes of absent keys included.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class MaterializedInternal<K, V> {
  private final Materialized<K, V, ?> materialized;
  private final String storeName;
  private final boolean queryable;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;

  private MaterializedInternal(Materialized<K, V, ?> materialized, String storeName,
      boolean queryable, Serde<K> keySerde, Serde<V> valueSerde) {
    this.materialized = materialized;
    this.storeName = storeName;
    this.queryable = queryable;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
  }

  /**
   * Settles the store name: the {@code Materialized}'s, else {@code <prefix>STATE-STORE-<counter>}
   * (which takes a value of the builder's name counter, as in Kafka Streams).
   *
   * @param materialized the user's options
   * @param builder the graph, for generated names
   * @param generatedPrefix the prefix of a generated name, e.g. {@code KSTREAM-AGGREGATE-}
   * @return the factory, with the {@code Materialized}'s serdes
   */
  static <K, V> MaterializedInternal<K, V> of(Materialized<K, V, ?> materialized,
      InternalStreamsBuilder builder, String generatedPrefix) {
    String name = materialized.storeName();
    boolean queryable = name != null;
    if (name == null) {
      name = builder.newStoreName(generatedPrefix);
    }
    return new MaterializedInternal<>(materialized, name, queryable, materialized.keySerde(),
        materialized.valueSerde());
  }

  /**
   * @param fallback the serde to use if the {@code Materialized} gives none
   * @return a copy whose key serde is completed with {@code fallback}
   */
  MaterializedInternal<K, V> withKeySerdeIfAbsent(Serde<K> fallback) {
    return keySerde != null ? this
        : new MaterializedInternal<>(materialized, storeName, queryable, fallback, valueSerde);
  }

  /**
   * @param fallback the serde to use if the {@code Materialized} gives none
   * @return a copy whose value serde is completed with {@code fallback}
   */
  MaterializedInternal<K, V> withValueSerdeIfAbsent(Serde<V> fallback) {
    return valueSerde != null ? this
        : new MaterializedInternal<>(materialized, storeName, queryable, keySerde, fallback);
  }

  /** @return the store name, given or generated */
  public String storeName() {
    return storeName;
  }

  /** @return the store name if the user gave one (the store is queryable), else {@code null} */
  public String queryableStoreName() {
    return queryable ? storeName : null;
  }

  /** @return the key serde, or {@code null} for {@code default.key.serde} */
  public Serde<K> keySerde() {
    return keySerde;
  }

  /** @return the value serde, or {@code null} for {@code default.value.serde} */
  public Serde<V> valueSerde() {
    return valueSerde;
  }

  /** @return whether the store caches writes until commit */
  public boolean cachingEnabled() {
    return materialized.cachingEnabled();
  }

  /** @return the retention the user gave for a windowed store, or {@code null} */
  public Duration retention() {
    return materialized.retention();
  }

  /**
   * The builder of a table's timestamped key-value store, whose stores let table processors
   * forward flushed cache entries with their headers.
   *
   * @param context the build settings
   * @return a new builder
   * @throws TopologyException if the {@code Materialized} names a supplier of another kind
   */
  public StoreBuilder<TimestampedKeyValueStore<K, V>> timestampedKeyValueStore(
      BuildContext context) {
    KeyValueBytesStoreSupplier supplier = supplier(KeyValueBytesStoreSupplier.class, "key-value");
    if (supplier == null) {
      supplier = inMemory(context)
          ? Stores.inMemoryKeyValueStore(storeName)
          : Stores.persistentTimestampedKeyValueStore(storeName);
    }
    return configure(new TableStoreBuilder<>(
        Stores.timestampedKeyValueStoreBuilder(supplier, keySerde, valueSerde)), context);
  }

  /**
   * The builder of a windowed operator's timestamped window store.
   *
   * @param context the build settings
   * @param retentionMs how long windows are kept after their start; used unless a supplier is given
   * @param windowSizeMs the window size
   * @param retainDuplicates whether every put is kept (stream-stream joins)
   * @return a new builder
   * @throws TopologyException if the {@code Materialized} names a supplier of another kind
   */
  public StoreBuilder<TimestampedWindowStore<K, V>> timestampedWindowStore(
      BuildContext context, long retentionMs, long windowSizeMs, boolean retainDuplicates) {
    return configure(Stores.timestampedWindowStoreBuilder(
        windowSupplier(context, retentionMs, windowSizeMs, retainDuplicates), keySerde,
        valueSerde), context);
  }

  /**
   * The builder of a plain window store (no timestamps in values).
   *
   * @param context the build settings
   * @param retentionMs how long windows are kept after their start; used unless a supplier is given
   * @param windowSizeMs the window size
   * @param retainDuplicates whether every put is kept (stream-stream joins)
   * @return a new builder
   * @throws TopologyException if the {@code Materialized} names a supplier of another kind
   */
  public StoreBuilder<WindowStore<K, V>> windowStore(
      BuildContext context, long retentionMs, long windowSizeMs, boolean retainDuplicates) {
    return configure(Stores.windowStoreBuilder(
        windowSupplier(context, retentionMs, windowSizeMs, retainDuplicates), keySerde,
        valueSerde), context);
  }

  /**
   * The builder of a session store.
   *
   * @param context the build settings
   * @param retentionMs how long sessions are kept after their end; used unless a supplier is given
   * @return a new builder
   * @throws TopologyException if the {@code Materialized} names a supplier of another kind
   */
  public StoreBuilder<SessionStore<K, V>> sessionStore(BuildContext context, long retentionMs) {
    SessionBytesStoreSupplier supplier = supplier(SessionBytesStoreSupplier.class, "session");
    if (supplier == null) {
      Duration retention = Duration.ofMillis(retentionMs);
      supplier = inMemory(context)
          ? Stores.inMemorySessionStore(storeName, retention)
          : Stores.persistentSessionStore(storeName, retention);
    }
    return configure(Stores.sessionStoreBuilder(supplier, keySerde, valueSerde), context);
  }

  private WindowBytesStoreSupplier windowSupplier(
      BuildContext context, long retentionMs, long windowSizeMs, boolean retainDuplicates) {
    WindowBytesStoreSupplier supplier = supplier(WindowBytesStoreSupplier.class, "window");
    if (supplier != null) {
      return supplier;
    }
    Duration retention = Duration.ofMillis(retentionMs);
    Duration size = Duration.ofMillis(windowSizeMs);
    return inMemory(context)
        ? Stores.inMemoryWindowStore(storeName, retention, size, retainDuplicates)
        : Stores.persistentTimestampedWindowStore(storeName, retention, size, retainDuplicates);
  }

  private boolean inMemory(BuildContext context) {
    Materialized.StoreType type = materialized.storeType();
    return type == null ? context.inMemoryStores() : type == Materialized.StoreType.IN_MEMORY;
  }

  private <T extends StoreSupplier<?>> T supplier(Class<T> kind, String kindName) {
    StoreSupplier<?> supplier = materialized.storeSupplier();
    if (supplier == null) {
      return null;
    }
    if (!kind.isInstance(supplier)) {
      throw new TopologyException("Store '" + storeName + "' needs a " + kindName
          + " store supplier, but Materialized.as(...) was given a "
          + supplier.getClass().getName() + "; pass a " + kind.getSimpleName());
    }
    return kind.cast(supplier);
  }

  private <S extends StateStore> StoreBuilder<S> configure(StoreBuilder<S> builder,
      BuildContext context) {
    if (materialized.loggingEnabled()) {
      builder.withLoggingEnabled(materialized.topicConfig());
    } else {
      builder.withLoggingDisabled();
    }
    if (materialized.cachingEnabled() && context.cachingPossible()) {
      builder.withCachingEnabled();
    } else {
      builder.withCachingDisabled();
    }
    return builder;
  }
}
