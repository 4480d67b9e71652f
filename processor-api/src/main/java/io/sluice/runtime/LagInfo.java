package io.sluice.runtime;

/**
 * How far a local copy of a store partition is behind its changelog.
 *
 * @param currentOffsetPosition the next changelog offset the local copy would apply
 * @param endOffsetPosition the changelog's end offset (the offset after its last record)
 * @param offsetLag {@code max(0, end - current)}: changelog records the copy has not applied
 */
public record LagInfo(long currentOffsetPosition, long endOffsetPosition, long offsetLag) {

  /** The lag of a copy at {@code current} of a changelog ending at {@code end}. */
  public static LagInfo of(long current, long end) {
    return new LagInfo(current, end, Math.max(0L, end - current));
  }
}
