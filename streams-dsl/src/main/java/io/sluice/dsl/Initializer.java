package io.sluice.dsl;

/**
 * Creates the starting aggregate of a key that has none yet, for {@code aggregate} and
 * {@code count}.
 *
 * @param <VA> aggregate type
 */
@FunctionalInterface
public interface Initializer<VA> {
  /**
   * @return the aggregate before any value was added; {@code null} only if the aggregator accepts
   *     it
   */
  VA apply();
}
