package io.sluice.runtime;

/**
 * A retriable query failure: the instance is rebalancing, or the store's task is migrating,
 * restoring or was just closed. Retry after a short wait, possibly on the instance that {@link
 * StreamsApp#queryMetadataForKey} names then.
 */
public final class StoreRebalancingException extends InvalidStateStoreException {
  private static final long serialVersionUID = 1L;

  /** @param message names the store and why it is unavailable now */
  public StoreRebalancingException(String message) {
    super(message);
  }

  /** @param message names the store and why; {@code cause} the underlying failure */
  public StoreRebalancingException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Always true: the query may succeed once the rebalance or migration is over. */
  @Override
  public boolean retriable() {
    return true;
  }
}
