package io.sluice.dsl;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Options of {@link KStream#deduplicate}: the operator's name (which also names its store,
 * {@code <name>-store}, and, when deduplicating by an extracted id, its repartition topic
 * {@code <name>-repartition}), the serde of the ids, the kind of store that remembers them, and
 * whether that store caches writes until commit.
 *
 * <p>Immutable: every {@code with*} method returns a copy.
 *
 * @param <ID> the type of the ids compared (the key type when deduplicating by key)
 */
public final class Deduplicated<ID> {
  /**
   * Where the ids seen are remembered. Both are changelogged and follow {@code
   * default.dsl.store}.
   */
  public enum StoreType {
    /**
     * A key-value store keeping, per id, its first record; entries expire by stream time once they
     * are older than the deduplication interval (the store's TTL). The default: one entry per id.
     */
    TTL_KEY_VALUE,
    /**
     * A window store keeping every forwarded record under its id and timestamp; retention (the
     * deduplication interval) drops whole time segments, which is cheaper for very many ids.
     */
    WINDOW
  }

  private final String name;
  private final Serde<ID> idSerde;
  private final StoreType storeType;
  private final boolean cachingEnabled;

  private Deduplicated(String name, Serde<ID> idSerde, StoreType storeType, boolean caching) {
    this.name = name;
    this.idSerde = idSerde;
    this.storeType = storeType;
    this.cachingEnabled = caching;
  }

  /**
   * @param <ID> id type
   * @return options with a generated name, the default id serde, a TTL key-value store and caching
   */
  public static <ID> Deduplicated<ID> defaults() {
    return new Deduplicated<>(null, null, StoreType.TTL_KEY_VALUE, true);
  }

  /**
   * @param name the operator name (see {@link Named#as} for the characters allowed)
   * @param <ID> id type
   * @return options with that name
   * @throws io.sluice.processor.TopologyException if the name is invalid
   */
  public static <ID> Deduplicated<ID> as(String name) {
    return Deduplicated.<ID>defaults().withName(name);
  }

  /**
   * @param idSerde the serde of the ids, for the store and for partitioning by id
   * @param <ID> id type
   * @return options with that serde
   * @throws NullPointerException if {@code idSerde} is null
   */
  public static <ID> Deduplicated<ID> with(Serde<ID> idSerde) {
    return Deduplicated.<ID>defaults().withIdSerde(idSerde);
  }

  /**
   * @param name the operator name (see {@link Named#as})
   * @return a copy with that name
   * @throws io.sluice.processor.TopologyException if the name is invalid
   */
  public Deduplicated<ID> withName(String name) {
    return new Deduplicated<>(Named.validate(name), idSerde, storeType, cachingEnabled);
  }

  /**
   * @param idSerde the serde of the ids
   * @return a copy with that serde
   * @throws NullPointerException if {@code idSerde} is null
   */
  public Deduplicated<ID> withIdSerde(Serde<ID> idSerde) {
    Objects.requireNonNull(idSerde, "Deduplicated: idSerde must not be null");
    return new Deduplicated<>(name, idSerde, storeType, cachingEnabled);
  }

  /**
   * @param storeType where the ids seen are remembered
   * @return a copy with that store type
   * @throws NullPointerException if {@code storeType} is null
   */
  public Deduplicated<ID> withStoreType(StoreType storeType) {
    Objects.requireNonNull(storeType, "Deduplicated: storeType must not be null");
    return new Deduplicated<>(name, idSerde, storeType, cachingEnabled);
  }

  /** @return a copy whose store caches writes until commit (the default) */
  public Deduplicated<ID> withCachingEnabled() {
    return new Deduplicated<>(name, idSerde, storeType, true);
  }

  /** @return a copy whose store writes through to its changelog at once */
  public Deduplicated<ID> withCachingDisabled() {
    return new Deduplicated<>(name, idSerde, storeType, false);
  }

  /** @return the operator name, or {@code null} for a generated one */
  public String name() {
    return name;
  }

  /** @return the id serde, or {@code null} for {@code default.key.serde} (or the stream's) */
  public Serde<ID> idSerde() {
    return idSerde;
  }

  /** @return the store type */
  public StoreType storeType() {
    return storeType;
  }

  /** @return whether the store caches writes until commit */
  public boolean cachingEnabled() {
    return cachingEnabled;
  }
}
