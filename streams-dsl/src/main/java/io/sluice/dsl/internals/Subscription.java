package io.sluice.dsl.internals;

import java.util.Arrays;
import java.util.Objects;

/**
 * A foreign-key subscription: the message the left side of a foreign-key join sends, keyed by the
 * foreign key, to the right side, and what the right side keeps in its subscription store.
 *
 * @param valueHash the {@link ValueHash} of the left value this subscription is for, or {@code
 *     null} when the left row was deleted
 * @param instruction what the right side should do
 * @param primaryKey the left row's key, never null
 * @param primaryPartition the partition of the left row's task, where the response must go; -1
 *     when unknown
 * @param <K> the left key type
 */
record Subscription<K>(byte[] valueHash, SubscriptionInstruction instruction, K primaryKey,
    int primaryPartition) {

  /** Checks the invariants the format relies on. */
  Subscription {
    Objects.requireNonNull(instruction, "subscription instruction");
    Objects.requireNonNull(primaryKey, "subscription primary key");
    if (valueHash != null && valueHash.length != ValueHash.LENGTH) {
      throw new IllegalArgumentException("A subscription's value hash has " + ValueHash.LENGTH
          + " bytes, not " + valueHash.length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Subscription<?> that && Arrays.equals(valueHash, that.valueHash)
        && instruction == that.instruction && primaryKey.equals(that.primaryKey)
        && primaryPartition == that.primaryPartition;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(valueHash), instruction, primaryKey, primaryPartition);
  }

  @Override
  public String toString() {
    return "Subscription(" + instruction + ", " + primaryKey + ", partition " + primaryPartition
        + (valueHash == null ? ", no value)" : ")");
  }
}
