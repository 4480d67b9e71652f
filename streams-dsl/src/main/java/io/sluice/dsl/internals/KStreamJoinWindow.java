package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.WindowStore;

/**
 * One side's entry into a stream-stream join: passes each record to the side's join processor
 * (its only regular child), then buffers it in the side's window store (duplicates retained, the
 * record's timestamp as window start) for the other side to find.
 *
 * <p>It reports the records the join drops: those without a key (except on an outer side, where
 * a keyless record is joined with nothing at once), those without a value, and late records: a
 * record too old for its own buffer (timestamp at or before the buffer's clock minus its
 * retention, {@code before + after + grace}; see {@link JoinBufferRetention}) that produced no
 * result either; the reported close
 * time is the end of its join window plus grace.
 *
 * @param <K> key type
 * @param <V> value type of this side
 */
final class KStreamJoinWindow<K, V> implements ProcessorSupplier<K, V, K, V> {
  private final String storeName;
  private final boolean left;
  private final JoinBufferRetention retention;
  private final long closeOffsetMs;
  private final boolean outer;
  private final DropSpec drops;
  private final JoinTimeTracker.Registry trackers;

  /**
   * @param storeName this side's window store
   * @param left whether this is the left side
   * @param retention this side's buffer retention
   * @param closeOffsetMs how long after a record's timestamp its join window closes: this side's
   *     {@code after + grace}
   * @param outer whether this side's records are joined with nothing when no match exists
   * @param drops the operator's drop settings for this node
   * @param trackers the join's per-task shared state
   */
  KStreamJoinWindow(String storeName, boolean left, JoinBufferRetention retention,
      long closeOffsetMs, boolean outer, DropSpec drops, JoinTimeTracker.Registry trackers) {
    this.storeName = storeName;
    this.left = left;
    this.retention = retention;
    this.closeOffsetMs = closeOffsetMs;
    this.outer = outer;
    this.drops = drops;
    this.trackers = trackers;
  }

  @Override
  public Processor<K, V, K, V> get() {
    return new WindowProcessor();
  }

  private final class WindowProcessor implements Processor<K, V, K, V> {
    private ProcessorContext<K, V> context;
    private WindowStore<K, V> window;
    private JoinTimeTracker tracker;
    private final DropReporter reporter = new DropReporter(drops);
    private long observedTime = Long.MIN_VALUE;

    @Override
    public void init(ProcessorContext<K, V> context) {
      this.context = context;
      this.window = context.getStateStore(storeName);
      this.tracker = trackers.get(context.taskId());
      reporter.init(context);
      // After a restart the buffer's clock is its newest retained record, as its store's own is.
      try (KeyValueIterator<Windowed<K>, V> newest = window.backwardAll()) {
        if (newest.hasNext()) {
          observedTime = newest.next().key().window().startMs();
          tracker.observe(left, observedTime);
        }
      }
    }

    @Override
    public void process(Record<K, V> record) {
      tracker.startRecord();
      context.forward(record);
      if (record.key() == null) {
        if (!outer || record.value() == null) {
          reporter.drop(record, DropReason.NULL_KEY);
        }
        return;
      }
      long timestamp = record.timestamp();
      tracker.observe(left, timestamp);
      if (record.value() == null) {
        reporter.drop(record, DropReason.NULL_VALUE);
        return;
      }
      observedTime = Math.max(observedTime, timestamp);
      long clock = retention.nullValuesAdvanceClock() ? tracker.observed(left) : observedTime;
      boolean expired = timestamp <= clock - retention.retentionMs();
      window.put(record.key(), record.value(), timestamp);
      if (expired && !tracker.handled()) {
        reporter.dropLate(record, timestamp + closeOffsetMs);
      }
    }

    @Override
    public void close() {
      reporter.close();
      if (context != null) {
        trackers.remove(context.taskId());
      }
    }
  }
}
