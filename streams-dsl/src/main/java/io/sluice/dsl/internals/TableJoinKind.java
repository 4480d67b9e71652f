package io.sluice.dsl.internals;

/**
 * The three table-table joins, by which sides must hold a row for a result row to exist: inner
 * needs both, left needs the left one, outer needs either.
 */
enum TableJoinKind {
  /** {@code KTable.join}: a result only where both tables hold the key. */
  INNER(true, true),
  /** {@code KTable.leftJoin}: a result wherever the left table holds the key. */
  LEFT(true, false),
  /** {@code KTable.outerJoin}: a result wherever either table holds the key. */
  OUTER(false, false);

  private final boolean leftRequired;
  private final boolean rightRequired;

  TableJoinKind(boolean leftRequired, boolean rightRequired) {
    this.leftRequired = leftRequired;
    this.rightRequired = rightRequired;
  }

  /** @return whether a result needs a left row */
  boolean leftRequired() {
    return leftRequired;
  }

  /** @return whether a result needs a right row */
  boolean rightRequired() {
    return rightRequired;
  }

  /**
   * @param left whether the left table holds the key
   * @param right whether the right table holds the key
   * @return whether the join has a result row for the key
   */
  boolean joins(boolean left, boolean right) {
    return (left || !leftRequired) && (right || !rightRequired) && (left || right);
  }
}
