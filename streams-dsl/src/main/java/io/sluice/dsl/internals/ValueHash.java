package io.sluice.dsl.internals;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 128-bit fingerprint of a serialized left-hand value that a foreign-key subscription carries
 * and its response echoes: a response whose fingerprint no longer matches the current left value
 * answers an older version of the row and is discarded. MD5 is used as a fast, well-spread
 * checksum, not for security.
 */
final class ValueHash {
  /** Length of a fingerprint in bytes. */
  static final int LENGTH = 16;

  private ValueHash() {}

  /**
   * @param serialized the value's bytes, or {@code null} for no value
   * @return the 16-byte fingerprint, or {@code null} when {@code serialized} is null
   */
  static byte[] of(byte[] serialized) {
    if (serialized == null) {
      return null;
    }
    try {
      return MessageDigest.getInstance("MD5").digest(serialized);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM offers no MD5 MessageDigest, which every Java"
          + " platform must provide; the foreign-key join cannot fingerprint values", e);
    }
  }
}
