package io.sluice.dsl.internals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the foreign-key join's subscription store: the serialized foreign key, length-prefixed,
 * followed by the serialized primary key, so that all subscriptions to one foreign key share a
 * prefix and a prefix scan finds them.
 *
 * <pre>
 * [4 bytes foreign key length, big-endian][foreign key bytes][primary key bytes]
 * </pre>
 */
final class CombinedKey {
  private CombinedKey() {}

  /**
   * @param foreignKey the serialized foreign key
   * @param primaryKey the serialized primary key
   * @return the store key
   */
  static Bytes of(byte[] foreignKey, byte[] primaryKey) {
    return Bytes.wrap(ByteBuffer.allocate(4 + foreignKey.length + primaryKey.length)
        .putInt(foreignKey.length).put(foreignKey).put(primaryKey).array());
  }

  /**
   * @param foreignKey the serialized foreign key
   * @return the prefix every store key of that foreign key starts with
   */
  static Bytes prefix(byte[] foreignKey) {
    return Bytes.wrap(ByteBuffer.allocate(4 + foreignKey.length)
        .putInt(foreignKey.length).put(foreignKey).array());
  }

  /**
   * @param combined a store key written by {@link #of}
   * @return the serialized primary key it holds
   * @throws IllegalArgumentException if the key is malformed
   */
  static byte[] primaryKey(Bytes combined) {
    byte[] bytes = combined.get();
    if (bytes.length < 4) {
      throw new IllegalArgumentException("Subscription-store key of " + bytes.length
          + " bytes is too short for a foreign-key length");
    }
    int foreignLength = ByteBuffer.wrap(bytes, 0, 4).getInt();
    if (foreignLength < 0 || foreignLength > bytes.length - 4) {
      throw new IllegalArgumentException("Subscription-store key claims a foreign key of "
          + foreignLength + " bytes but has " + (bytes.length - 4) + " after the length");
    }
    return Arrays.copyOfRange(bytes, 4 + foreignLength, bytes.length);
  }
}
