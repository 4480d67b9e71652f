package io.sluice.state;

/**
 * Supplies fresh instances of a store's innermost layer (a byte store); store builders put their
 * metered and changelogging layers around it. Implement it to plug in another storage engine.
 *
 * @param <T> the store type supplied
 */
public interface StoreSupplier<T extends StateStore> {

  /** The store name; every instance supplied has this name. */
  String name();

  /** A new, uninitialised store instance; never the same instance twice. */
  T get();

  /**
   * The storage engine's name in metric tags (for example {@code in-memory}), so metrics of
   * different engines can be told apart.
   */
  String metricsScope();
}
