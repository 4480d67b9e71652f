package io.sluice.dsl;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link KTable#suppress} holds back a table's updates: until the update's window closes
 * ({@link #untilWindowCloses}, one final result per window) or until a time limit has passed in
 * stream time since the key's first buffered update ({@link #untilTimeLimit}, the latest value per
 * key). The buffer is a changelogged store: after a failover it is restored, so no buffered update
 * is lost and none is emitted twice.
 *
 * @param <K> the table's key type ({@code Windowed<?>} for {@link #untilWindowCloses})
 */
public final class Suppressed<K> {
  private final String name;
  private final boolean untilWindowCloses;
  private final long timeLimitMs;
  private final BufferConfig buffer;

  private Suppressed(String name, boolean untilWindowCloses, long timeLimitMs,
      BufferConfig buffer) {
    this.name = name;
    this.untilWindowCloses = untilWindowCloses;
    this.timeLimitMs = timeLimitMs;
    this.buffer = buffer;
  }

  /**
   * Emits only each window's final result, when stream time reaches the window's end plus grace.
   * The buffer must not emit early: it is unbounded or shuts the application down when full.
   *
   * @param bufferConfig the buffer bounds
   * @param <K> the windowed key type
   * @return the option
   * @throws NullPointerException if {@code bufferConfig} is null
   */
  public static <K> Suppressed<K> untilWindowCloses(StrictBufferConfig bufferConfig) {
    return new Suppressed<>(null, true, 0,
        Objects.requireNonNull(bufferConfig, "untilWindowCloses bufferConfig"));
  }

  /**
   * Emits the latest value of a key once stream time is {@code timeLimit} past the timestamp of the
   * key's oldest buffered update (or earlier, if the buffer is full and emits early).
   *
   * @param timeLimit how long to hold an update, in stream time; not negative
   * @param bufferConfig the buffer bounds and what to do when they are exceeded
   * @param <K> key type
   * @return the option
   * @throws IllegalArgumentException if {@code timeLimit} is null or negative
   * @throws NullPointerException if {@code bufferConfig} is null
   */
  public static <K> Suppressed<K> untilTimeLimit(Duration timeLimit, BufferConfig bufferConfig) {
    return new Suppressed<>(null, false,
        DurationArgs.millis("Suppressed timeLimit", timeLimit, 0),
        Objects.requireNonNull(bufferConfig, "untilTimeLimit bufferConfig"));
  }

  /**
   * @param name the suppression processor's name; its buffer store is {@code <name>-store}
   * @return a copy with the name
   * @throws io.sluice.processor.TopologyException if the name is not a valid operator name
   */
  public Suppressed<K> withName(String name) {
    return new Suppressed<>(Named.validate(name), untilWindowCloses, timeLimitMs, buffer);
  }

  /** @return the explicit name, or {@code null} for a generated one */
  public String name() {
    return name;
  }

  /** @return whether this waits for window close rather than a time limit */
  public boolean untilWindowClose() {
    return untilWindowCloses;
  }

  /** @return the time limit, milliseconds; 0 for {@link #untilWindowCloses} */
  public long timeLimitMs() {
    return timeLimitMs;
  }

  /** @return the buffer configuration */
  public BufferConfig bufferConfig() {
    return buffer;
  }

  /**
   * Bounds of a suppression buffer (records, bytes of serialized keys and values) and what happens
   * when an update would exceed them: emit the oldest buffered updates early, or shut down with
   * an exception naming the operator.
   */
  public abstract static sealed class BufferConfig permits EagerBufferConfig, StrictBufferConfig {
    private final long maxRecords;
    private final long maxBytes;

    BufferConfig(long maxRecords, long maxBytes) {
      this.maxRecords = maxRecords;
      this.maxBytes = maxBytes;
    }

    /**
     * @param recordLimit the most records the buffer holds, at least 1
     * @return a buffer bounded by records that emits early when full
     * @throws IllegalArgumentException if {@code recordLimit} is below 1
     */
    public static EagerBufferConfig maxRecords(long recordLimit) {
      return new EagerBufferConfig(positive("maxRecords", recordLimit), Long.MAX_VALUE);
    }

    /**
     * @param byteLimit the most bytes (serialized keys, values and bookkeeping) the buffer holds,
     *     at least 1
     * @return a buffer bounded by bytes that emits early when full
     * @throws IllegalArgumentException if {@code byteLimit} is below 1
     */
    public static EagerBufferConfig maxBytes(long byteLimit) {
      return new EagerBufferConfig(Long.MAX_VALUE, positive("maxBytes", byteLimit));
    }

    /** @return a buffer without bounds (it grows until memory runs out) */
    public static StrictBufferConfig unbounded() {
      return new StrictBufferConfig(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** @return the record bound; {@link Long#MAX_VALUE} for none */
    public long maxRecordCount() {
      return maxRecords;
    }

    /** @return the byte bound; {@link Long#MAX_VALUE} for none */
    public long maxByteCount() {
      return maxBytes;
    }

    /** @return whether a full buffer shuts the application down instead of emitting early */
    public abstract boolean shutDownWhenFullEnabled();

    /** @return a strict copy: when full, fail with an exception naming the operator */
    public StrictBufferConfig shutDownWhenFull() {
      return new StrictBufferConfig(maxRecords, maxBytes);
    }

    /** @return an eager copy: when full, emit the oldest updates before their time */
    public EagerBufferConfig emitEarlyWhenFull() {
      return new EagerBufferConfig(maxRecords, maxBytes);
    }

    static long positive(String what, long value) {
      if (value < 1) {
        throw new IllegalArgumentException("Suppressed buffer " + what + " must be at least 1 but"
            + " was " + value + "; use BufferConfig.unbounded() for no bound");
      }
      return value;
    }

    @Override
    public String toString() {
      return getClass().getSimpleName() + "{maxRecords=" + maxRecords + ", maxBytes=" + maxBytes
          + "}";
    }
  }

  /** A buffer that emits its oldest updates early when full. */
  public static final class EagerBufferConfig extends BufferConfig {
    EagerBufferConfig(long maxRecords, long maxBytes) {
      super(maxRecords, maxBytes);
    }

    /**
     * @param recordLimit the most records, at least 1
     * @return a copy with that bound
     * @throws IllegalArgumentException if {@code recordLimit} is below 1
     */
    public EagerBufferConfig withMaxRecords(long recordLimit) {
      return new EagerBufferConfig(positive("maxRecords", recordLimit), maxByteCount());
    }

    /**
     * @param byteLimit the most bytes, at least 1
     * @return a copy with that bound
     * @throws IllegalArgumentException if {@code byteLimit} is below 1
     */
    public EagerBufferConfig withMaxBytes(long byteLimit) {
      return new EagerBufferConfig(maxRecordCount(), positive("maxBytes", byteLimit));
    }

    @Override
    public boolean shutDownWhenFullEnabled() {
      return false;
    }
  }

  /** A buffer that never emits early: unbounded, or failing the application when full. */
  public static final class StrictBufferConfig extends BufferConfig {
    StrictBufferConfig(long maxRecords, long maxBytes) {
      super(maxRecords, maxBytes);
    }

    /**
     * @param recordLimit the most records, at least 1
     * @return a copy with that bound
     * @throws IllegalArgumentException if {@code recordLimit} is below 1
     */
    public StrictBufferConfig withMaxRecords(long recordLimit) {
      return new StrictBufferConfig(positive("maxRecords", recordLimit), maxByteCount());
    }

    /**
     * @param byteLimit the most bytes, at least 1
     * @return a copy with that bound
     * @throws IllegalArgumentException if {@code byteLimit} is below 1
     */
    public StrictBufferConfig withMaxBytes(long byteLimit) {
      return new StrictBufferConfig(maxRecordCount(), positive("maxBytes", byteLimit));
    }

    /** @return an unbounded copy */
    public StrictBufferConfig withNoBound() {
      return new StrictBufferConfig(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    @Override
    public boolean shutDownWhenFullEnabled() {
      return true;
    }
  }
}
