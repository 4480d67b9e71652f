package io.sluice.runtime;

import java.util.Objects;

/**
 * What {@link StreamsApp#store} reads: a store name, its {@link QueryableStoreType}, whether
 * standby copies may answer too ({@link #enableStaleStores()}; they may lag behind the active
 * copy, see {@link StreamsApp#allLocalStorePartitionLags()}), and optionally a single partition.
 * Immutable: the {@code with}/{@code enable} methods return new parameters.
 *
 * @param <T> the view's type
 */
public final class StoreQueryParameters<T> {
  private final String storeName;
  private final QueryableStoreType<T> storeType;
  private final Integer partition;
  private final boolean staleStores;

  private StoreQueryParameters(String storeName, QueryableStoreType<T> storeType,
      Integer partition, boolean staleStores) {
    this.storeName = Objects.requireNonNull(storeName, "storeName");
    this.storeType = Objects.requireNonNull(storeType, "storeType");
    this.partition = partition;
    this.staleStores = staleStores;
  }

  /**
   * Parameters reading active copies of every local partition of {@code storeName}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static <T> StoreQueryParameters<T> fromNameAndType(String storeName,
      QueryableStoreType<T> storeType) {
    return new StoreQueryParameters<>(storeName, storeType, null, false);
  }

  /** The same parameters, also reading standby copies (which may lag). */
  public StoreQueryParameters<T> enableStaleStores() {
    return new StoreQueryParameters<>(storeName, storeType, partition, true);
  }

  /** The same parameters, reading only the copy of {@code partition} (null: every partition). */
  public StoreQueryParameters<T> withPartition(Integer partition) {
    return new StoreQueryParameters<>(storeName, storeType, partition, staleStores);
  }

  /** The store's name. */
  public String storeName() {
    return storeName;
  }

  /** The store type asked for. */
  public QueryableStoreType<T> queryableStoreType() {
    return storeType;
  }

  /** The single partition to read, or null for all. */
  public Integer partition() {
    return partition;
  }

  /** Whether standby copies may answer. */
  public boolean staleStoresEnabled() {
    return staleStores;
  }
}
