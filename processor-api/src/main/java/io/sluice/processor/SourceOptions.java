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

  /**
   * A copy with this offset reset policy for the source's topics (or the topics its pattern
   * matches), overriding the application's {@code auto.offset.reset}; see {@link
   * AutoOffsetReset}. A topology must not give one topic two policies (a named topic that another
   * source's pattern also matches, or a repartition topic a policy other than earliest): the
   * {@code StreamsApp} constructor then throws a {@link TopologyException} naming the topic and
   * the sources. A topic that only the cluster shows to match two patterns with different policies
   * fails its stream thread with a {@code StreamsException} when a partition of it needs a reset.
   *
   * @throws NullPointerException if {@code reset} is null
   */
  public SourceOptions withOffsetReset(AutoOffsetReset reset) {
    return new SourceOptions(Objects.requireNonNull(reset, "offset reset"), timestampExtractor);
  }

  /** A copy with this timestamp extractor for the source's records. */
  public SourceOptions withTimestampExtractor(TimestampExtractor extractor) {
    return new SourceOptions(offsetReset, Objects.requireNonNull(extractor, "timestamp extractor"));
  }

  /** The offset reset override, or {@code null} for the application's {@code auto.offset.reset}. */
  public AutoOffsetReset offsetReset() {
    return offsetReset;
  }

  /** The extractor override, or {@code null} for {@code default.timestamp.extractor}. */
  public TimestampExtractor timestampExtractor() {
    return timestampExtractor;
  }
}
