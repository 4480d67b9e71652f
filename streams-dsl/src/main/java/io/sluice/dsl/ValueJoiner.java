package io.sluice.dsl;

/**
 * Combines the values of two joined records into the value of the join result.
 *
 * @param <V1> value type of the left (this) side
 * @param <V2> value type of the right (other) side
 * @param <VR> result value type
 */
@FunctionalInterface
public interface ValueJoiner<V1, V2, VR> {
  /**
   * @param value1 the left value; {@code null} only for a right-only result of an outer join
   * @param value2 the right value; {@code null} for a left or outer join result without a match
   * @return the joined value; {@code null} is forwarded as a {@code null} value
   */
  VR apply(V1 value1, V2 value2);
}
