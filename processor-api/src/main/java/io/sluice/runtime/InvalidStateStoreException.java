package io.sluice.runtime;

import io.sluice.state.StateStoreException;

/**
 * An interactive query cannot be answered: the store is unknown, of another type than asked, or
 * the instance is not running. {@link #retriable()} says whether trying again later can succeed
 * (see {@link StoreRebalancingException}).
 */
public class InvalidStateStoreException extends StateStoreException {
  private static final long serialVersionUID = 1L;

  /** @param message names the store and what is wrong with the query */
  public InvalidStateStoreException(String message) {
    super(message);
  }

  /** @param message names the store and what is wrong; {@code cause} the underlying failure */
  public InvalidStateStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether the same query may succeed later; false for this class. */
  public boolean retriable() {
    return false;
  }
}
