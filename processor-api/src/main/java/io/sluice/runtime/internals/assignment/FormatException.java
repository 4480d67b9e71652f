package io.sluice.runtime.internals.assignment;

/**
 * Thrown when subscription or assignment bytes cannot be read: truncated, corrupt, or written in a
 * version this release does not know.
 */
public final class FormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and with which bytes */
  public FormatException(String message) {
    super(message);
  }
}
