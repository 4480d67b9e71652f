package io.sluice.processor;

import java.util.Objects;

/**
 * Optional settings of a source node: where to start without a committed offset, and a timestamp
 * extractor overriding {@code default.timestamp.extractor}. Immutable; start from {@link
 * #defaults()}.
 */
public final class SourceOptions {
  private static final SourceOptions DEFAULTS = new SourceOptions(null, null);

  private final AutoOffsetReset offsetReset;
  private final TimestampExtractor timestampExtractor;

  private SourceOptions(AutoOffsetReset offsetReset, TimestampExtractor timestampExtractor) {
    this.offsetReset = offsetReset;
    this.timestampExtractor = timestampExtractor;
  }

  /** No offset-reset override and the configured default extractor. */
  public static SourceOptions defaults() {
    return DEFAULTS;
  }

  /** A copy with this offset reset policy, overriding the consumer's {@code auto.offset.reset}. */
  public SourceOptions withOffsetReset(AutoOffsetReset reset) {
    return new SourceOptions(Objects.requireNonNull(reset, "offset reset"), timestampExtractor);
  }

  /** A copy with this timestamp extractor for the source's records. */
  public SourceOptions withTimestampExtractor(TimestampExtractor extractor) {
    return new SourceOptions(offsetReset, Objects.requireNonNull(extractor, "timestamp extractor"));
  }

  /** The offset reset override, or {@code null} for the consumer's setting. */
  public AutoOffsetReset offsetReset() {
    return offsetReset;
  }

  /** The extractor override, or {@code null} for {@code default.timestamp.extractor}. */
  public TimestampExtractor timestampExtractor() {
    return timestampExtractor;
  }
}
