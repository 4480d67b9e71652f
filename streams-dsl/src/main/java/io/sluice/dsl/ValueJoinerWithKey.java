package io.sluice.dsl;

/**
 * Combines the key and the values of two joined records into the value of the join result. The
 * key is read-only: changing a mutable key object breaks partitioning.
 *
 * @param <K> key type
 * @param <V1> value type of the left (this) side
 * @param <V2> value type of the right (other) side
 * @param <VR> result value type
 */
@FunctionalInterface
public interface ValueJoinerWithKey<K, V1, V2, VR> {
  /**
   * @param readOnlyKey the join key; {@code null} only where an operator documents it (left joins
   *     of records without a key)
   * @param value1 the left value; {@code null} only for a right-only result of an outer join
   * @param value2 the right value; {@code null} for a left or outer join result without a match
   * @return the joined value; {@code null} is forwarded as a {@code null} value
   */
  VR apply(K readOnlyKey, V1 value1, V2 value2);
}
