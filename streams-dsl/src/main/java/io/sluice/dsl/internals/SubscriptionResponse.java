package io.sluice.dsl.internals;

import java.util.Arrays;
import java.util.Objects;

/**
 * The right side's answer to a foreign-key subscription, keyed by the left row's key: the current
 * foreign value, with the fingerprint of the left value the subscription was made for.
 *
 * @param valueHash the {@link ValueHash} echoed from the subscription, or {@code null}
 * @param foreignValue the right-hand value, or {@code null} when there is none
 * @param primaryPartition the partition of the left row's task; -1 when unknown
 * @param <VO> the right value type
 */
record SubscriptionResponse<VO>(byte[] valueHash, VO foreignValue, int primaryPartition) {

  /** Checks the fingerprint's length. */
  SubscriptionResponse {
    if (valueHash != null && valueHash.length != ValueHash.LENGTH) {
      throw new IllegalArgumentException("A response's value hash has " + ValueHash.LENGTH
          + " bytes, not " + valueHash.length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SubscriptionResponse<?> that && Arrays.equals(valueHash, that.valueHash)
        && Objects.equals(foreignValue, that.foreignValue)
        && primaryPartition == that.primaryPartition;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(valueHash), foreignValue, primaryPartition);
  }

  @Override
  public String toString() {
    return "SubscriptionResponse(" + foreignValue + ", partition " + primaryPartition + ")";
  }
}
