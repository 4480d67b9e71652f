package io.sluice.dsl.internals;

import io.sluice.dsl.KStream;
import io.sluice.dsl.Named;
import java.util.Objects;

/** What windowed streams delegate to the grouped stream they window. */
final class GroupedInputs {
  private GroupedInputs() {}

  /**
   * @return the side output of {@code operator} for the grouped stream behind {@code input}
   * @throws IllegalStateException if {@code input} is not a grouped stream of this package
   */
  static <K, V> KStream<K, V> droppedRecords(GroupedInput<K, V> input, Named operator) {
    Objects.requireNonNull(operator, "droppedRecords: operator must not be null");
    if (input instanceof KGroupedStreamImpl<K, V> grouped) {
      return grouped.droppedRecords(operator);
    }
    throw new IllegalStateException("droppedRecords: a windowed stream over "
        + input.getClass().getName() + " is not a grouped stream; declare the side output on the"
        + " KGroupedStream instead");
  }
}
