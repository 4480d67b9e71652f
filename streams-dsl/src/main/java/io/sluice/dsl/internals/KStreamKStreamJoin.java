package io.sluice.dsl.internals;

import io.sluice.dsl.ValueJoinerWithKey;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.WindowStore;
import io.sluice.state.WindowStoreIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;

/**
 * One side of a stream-stream join. For each record with a key and a value it looks up the other
 * side's buffer for the same key in {@code [t - before, t + after]} (this side's view of the
 * windows) and forwards one result per match, stamped with the later of the two timestamps. A
 * record of an outer side without a match goes to the shared outer-join buffer and is emitted,
 * joined with {@code null}, once stream time passes its window end plus grace (at once if that
 * already happened, or if the record has no key); a later match removes it from the buffer.
 * Buffered records are emitted when a record advances the join's stream time, oldest first, at
 * most once per {@link JoinTimeTracker#EMIT_INTERVAL_CONFIG} of wall-clock time.
 *
 * @param <K> key type
 * @param <VThis> this side's value type
 * @param <VOther> the other side's value type
 * @param <VOut> result value type
 */
final class KStreamKStreamJoin<K, VThis, VOther, VOut>
    implements ProcessorSupplier<K, VThis, K, VOut> {
  private final JoinSideSpec<K, VThis, VOther> side;
  private final ValueJoinerWithKey<? super K, ? super VThis, ? super VOther, ? extends VOut> joiner;
  private final JoinTimeTracker.Registry trackers;

  /**
   * @param side this side's windows, stores and serdes
   * @param joiner the user's joiner, with its arguments in this side's order
   * @param trackers the join's per-task shared state
   */
  KStreamKStreamJoin(JoinSideSpec<K, VThis, VOther> side,
      ValueJoinerWithKey<? super K, ? super VThis, ? super VOther, ? extends VOut> joiner,
      JoinTimeTracker.Registry trackers) {
    this.side = side;
    this.joiner = joiner;
    this.trackers = trackers;
  }

  @Override
  public Processor<K, VThis, K, VOut> get() {
    return new JoinProcessor();
  }

  private final class JoinProcessor implements Processor<K, VThis, K, VOut> {
    private ProcessorContext<K, VOut> context;
    private WindowStore<K, VOther> otherWindow;
    private OuterJoinBuffer<K, VThis, VOther> buffer;
    private JoinTimeTracker tracker;

    @Override
    public void init(ProcessorContext<K, VOut> context) {
      this.context = context;
      this.otherWindow = context.getStateStore(side.otherStoreName());
      this.tracker = trackers.get(context.taskId());
      if (side.outerStoreName() != null) {
        KeyValueStore<Bytes, byte[]> store = context.getStateStore(side.outerStoreName());
        buffer = side.buffer(store, context);
        tracker.emitIntervalMs(emitInterval(context.appConfigs()));
      }
    }

    @Override
    public void process(Record<K, VThis> record) {
      long timestamp = record.timestamp();
      tracker.advanceStreamTime(timestamp);
      if (side.outer() && record.key() == null && record.value() != null) {
        tracker.markHandled();
        context.forward(record.withValue(joiner.apply(null, record.value(), null)));
        return;
      }
      if (record.key() == null || record.value() == null) {
        return;
      }
      if (buffer != null && timestamp == tracker.streamTime) {
        emitClosed(record);
      }
      long from = Math.max(0L, timestamp - side.joinBeforeMs());
      long to = Math.max(0L, timestamp + side.joinAfterMs());
      long otherClock = tracker.observed(!side.thisIsLeft());
      if (side.otherRetention().nullValuesAdvanceClock() && otherClock != Long.MIN_VALUE) {
        from = Math.max(from, otherClock - side.otherRetention().retentionMs() + 1);
      }
      boolean matched = false;
      try (WindowStoreIterator<VOther> matches = otherWindow.fetch(record.key(), from, to)) {
        while (matches.hasNext()) {
          KeyValue<Long, VOther> match = matches.next();
          matched = true;
          long otherTimestamp = match.key();
          if (buffer != null) {
            buffer.removeOther(record.key(), otherTimestamp);
          }
          tracker.markHandled();
          context.forward(record
              .withValue(joiner.apply(record.key(), record.value(), match.value()))
              .withTimestamp(Math.max(timestamp, otherTimestamp)));
        }
      }
      if (side.outer() && !matched) {
        tracker.markHandled();
        if (buffer == null || to < tracker.streamTime) {
          context.forward(record.withValue(joiner.apply(record.key(), record.value(), null)));
        } else {
          tracker.updateMinTime(timestamp);
          buffer.add(record.key(), timestamp, record.value());
        }
      }
    }

    /** Emits, joined with null, the buffered records whose join window has closed. */
    private void emitClosed(Record<K, VThis> trigger) {
      if (tracker.minTime + side.joinAfterMs() + side.graceMs() >= tracker.streamTime) {
        return;
      }
      if (!tracker.tryStartScan(context.currentSystemTimeMs())) {
        return;
      }
      tracker.minTime = Long.MAX_VALUE;
      List<Bytes> emitted = new ArrayList<>();
      boolean leftOpen = false;
      boolean rightOpen = false;
      try (KeyValueIterator<Bytes, byte[]> entries = buffer.all()) {
        while (entries.hasNext()) {
          KeyValue<Bytes, byte[]> raw = entries.next();
          OuterJoinBuffer.Entry<K, VThis, VOther> entry = buffer.decode(raw);
          tracker.minTime = entry.timestamp();
          if (leftOpen && rightOpen) {
            break;
          }
          long lookBack = entry.left() ? side.windowsAfterMs() : side.windowsBeforeMs();
          if (entry.timestamp() + lookBack + side.graceMs() >= tracker.streamTime) {
            leftOpen |= entry.left();
            rightOpen |= !entry.left();
            continue;
          }
          forwardUnmatched(trigger, entry);
          emitted.add(raw.key());
        }
      }
      emitted.forEach(buffer::delete);
    }

    private void forwardUnmatched(Record<K, VThis> trigger,
        OuterJoinBuffer.Entry<K, VThis, VOther> entry) {
      Record<K, VThis> base = trigger.withKey(entry.key()).withTimestamp(entry.timestamp());
      for (VThis value : entry.thisValues()) {
        context.forward(base.withValue(joiner.apply(entry.key(), value, null)));
      }
      for (VOther value : entry.otherValues()) {
        context.forward(base.withValue(joiner.apply(entry.key(), null, value)));
      }
    }

    @Override
    public void close() {
      if (context != null) {
        trackers.remove(context.taskId());
      }
    }
  }

  private static long emitInterval(Map<String, Object> configs) {
    Object value = configs.get(JoinTimeTracker.EMIT_INTERVAL_CONFIG);
    if (value == null) {
      return JoinTimeTracker.DEFAULT_EMIT_INTERVAL_MS;
    }
    try {
      long interval = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
      if (interval >= 0) {
        return interval;
      }
    } catch (NumberFormatException e) {
      // reported below with the valid values
    }
    throw new IllegalArgumentException("Setting " + JoinTimeTracker.EMIT_INTERVAL_CONFIG + " is '"
        + value + "'; use a non-negative number of milliseconds");
  }
}
