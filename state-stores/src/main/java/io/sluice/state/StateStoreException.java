package io.sluice.state;

/**
 * A store could not do what was asked: it is closed, its files cannot be opened or locked, or an
 * operation was used wrongly. The message names the store.
 */
public class StateStoreException extends RuntimeException {

  /** @param message what failed, naming the store */
  public StateStoreException(String message) {
    super(message);
  }

  /**
   * @param message what failed, naming the store
   * @param cause the underlying failure
   */
  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
