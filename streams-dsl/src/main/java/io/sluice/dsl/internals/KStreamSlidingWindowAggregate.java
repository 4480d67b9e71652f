package io.sluice.dsl.internals;

import io.sluice.dsl.Aggregator;
import io.sluice.dsl.EmitStrategy;
import io.sluice.dsl.Initializer;
import io.sluice.dsl.SlidingWindows;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.serdes.internals.Change;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.TimestampedWindowStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Aggregates a grouped stream into sliding windows of a fixed time difference {@code d}, kept in
 * a timestamped window store by window start (a window {@code [s, s + d]} includes both ends).
 *
 * <p>Only windows that differ in content exist: every record at {@code t} owns its left window
 * {@code [t - d, t]} and, when some later record lies within {@code d} of it, its right window
 * {@code [t + 1, t + 1 + d]}. A new record (1) updates every existing window that contains it,
 * from the latest start backwards, (2) creates the right window of the previous record if the new
 * one falls into it, (3) creates its own left window from the previous record's left-window
 * aggregate when that record is within {@code d} (else from the initializer), and (4) creates its
 * own right window from the aggregate of the latest window that holds later records. Records with
 * {@code t < d} share the window {@code [0, d]}. A window is closed once its end is before stream
 * time minus grace; a record whose right window would be closed too is late and dropped whole.
 * Records with a null key or a null value are dropped and reported, as Kafka Streams skips them.
 * With emit on window close nothing is forwarded per update: a {@link SlidingFinalEmitter} sends
 * each window's final result once it is closed, and reports as a drop each one Kafka Streams does
 * not send because the closing record's own puts expired its window.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <VA> aggregate type
 */
final class KStreamSlidingWindowAggregate<K, V, VA>
    implements ProcessorSupplier<K, V, Windowed<K>, Change<VA>>, SendsOldValues {
  private final SlidingWindows windows;
  private final String storeName;
  private final EmitStrategy emitStrategy;
  private final Initializer<VA> initializer;
  private final Aggregator<? super K, ? super V, VA> aggregator;
  private final DropSpec dropSpec;
  private final SlidingFinalEmitter.StoreRules<K> storeRules;
  private boolean sendOldValues;

  KStreamSlidingWindowAggregate(SlidingWindows windows, String storeName,
      EmitStrategy emitStrategy, Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, DropSpec dropSpec,
      SlidingFinalEmitter.StoreRules<K> storeRules) {
    this.windows = windows;
    this.storeName = storeName;
    this.emitStrategy = emitStrategy;
    this.initializer = initializer;
    this.aggregator = aggregator;
    this.dropSpec = dropSpec;
    this.storeRules = storeRules;
  }

  @Override
  public void enableSendingOldValues() {
    sendOldValues = true;
  }

  @Override
  public Processor<K, V, Windowed<K>, Change<VA>> get() {
    return new SlidingProcessor();
  }

  /** What scanning the existing windows around a record found. */
  private final class Scan {
    final Set<Long> starts = new HashSet<>();
    ValueAndTimestamp<VA> leftAgg;
    ValueAndTimestamp<VA> rightAgg;
    boolean leftExists;
    boolean rightExists;
    Long previousTimestamp;
  }

  private final class SlidingProcessor implements Processor<K, V, Windowed<K>, Change<VA>> {
    private final DropReporter drops = new DropReporter(dropSpec);
    private final long difference = windows.timeDifferenceMs();
    private final SlidingFinalEmitter<K, VA> emitter =
        emitStrategy == EmitStrategy.ON_WINDOW_CLOSE
            ? new SlidingFinalEmitter<>(difference, storeRules) : null;
    private TimestampedWindowStore<K, VA> store;
    private ChangeForwarder<Windowed<K>, VA> forwarder;
    private long observedStreamTime = -1L;

    @Override
    public void init(ProcessorContext<Windowed<K>, Change<VA>> context) {
      drops.init(context);
      store = context.getStateStore(storeName);
      observedStreamTime = Math.max(-1L, context.currentStreamTimeMs());
      if (emitStrategy == EmitStrategy.ON_WINDOW_CLOSE) {
        emitter.init(context, store, storeName, drops);
      } else {
        forwarder = ChangeForwarder.timestamped(store, context, sendOldValues);
      }
    }

    @Override
    public void process(Record<K, V> record) {
      if (record.key() == null) {
        drops.drop(record, DropReason.NULL_KEY);
        return;
      }
      if (record.value() == null) {
        drops.drop(record, DropReason.NULL_VALUE);
        return;
      }
      long timestamp = record.timestamp();
      observedStreamTime = Math.max(observedStreamTime, timestamp);
      long closeTime = observedStreamTime - windows.gracePeriodMs();
      if (timestamp + 1 + difference <= closeTime) {
        drops.dropLate(record, timestamp + 1 + difference + windows.gracePeriodMs());
        return;
      }
      List<KeyValue<Windowed<K>, ValueAndTimestamp<VA>>> closed =
          emitter == null ? List.of() : emitter.closed(closeTime);
      if (timestamp < difference) {
        processEarly(record, closeTime);
      } else {
        aggregate(record, closeTime);
      }
      if (emitter != null) {
        emitter.forward(record, closed, closeTime);
      }
    }

    private void aggregate(Record<K, V> record, long closeTime) {
      long timestamp = record.timestamp();
      Scan scan = new Scan();
      try (KeyValueIterator<Windowed<K>, ValueAndTimestamp<VA>> it = store.backwardFetch(
          record.key(), record.key(), Math.max(0, timestamp - 2 * difference), timestamp + 1)) {
        while (it.hasNext()) {
          KeyValue<Windowed<K>, ValueAndTimestamp<VA>> window = it.next();
          long start = window.key().window().startMs();
          scan.starts.add(start);
          long end = start + difference;
          long maxTimestamp = window.value().timestamp();
          if (start == timestamp + 1) {
            scan.rightExists = true;
          } else if (end > timestamp) {
            if (scan.rightAgg == null) {
              scan.rightAgg = window.value();
            }
            update(record, start, window.value(), closeTime);
          } else if (end == timestamp) {
            scan.leftExists = true;
            update(record, start, window.value(), closeTime);
            if (maxTimestamp >= timestamp) {
              // A record at this timestamp was seen before: every window already exists.
              return;
            }
            scan.previousTimestamp = maxTimestamp;
          } else {
            scan.leftAgg = window.value();
            scan.previousTimestamp = maxTimestamp;
            break;
          }
        }
      }
      createWindows(record, closeTime, scan);
    }

    private void createWindows(Record<K, V> record, long closeTime, Scan scan) {
      long timestamp = record.timestamp();
      if (scan.previousTimestamp != null) {
        long previousRightStart = scan.previousTimestamp + 1;
        if (!scan.starts.contains(previousRightStart)
            && previousRightStart + difference >= timestamp) {
          update(record, previousRightStart, initial(timestamp), closeTime);
        }
      }
      if (!scan.leftExists) {
        boolean previousInLeft = scan.previousTimestamp != null
            && timestamp - difference <= scan.previousTimestamp;
        update(record, timestamp - difference, previousInLeft
            ? ValueAndTimestamp.make(scan.leftAgg.value(), timestamp) : initial(timestamp),
            closeTime);
      }
      if (!scan.rightExists) {
        createRightWindow(record, scan.rightAgg);
      }
    }

    /** Records before the time difference all live in window [0, d], as Kafka Streams does. */
    private void processEarly(Record<K, V> record, long closeTime) {
      long timestamp = record.timestamp();
      KeyValue<Windowed<K>, ValueAndTimestamp<VA>> combined = null;
      Scan scan = new Scan();
      try (KeyValueIterator<Windowed<K>, ValueAndTimestamp<VA>> it = store.fetch(
          record.key(), record.key(), 0, timestamp + 1)) {
        while (it.hasNext()) {
          KeyValue<Windowed<K>, ValueAndTimestamp<VA>> window = it.next();
          long start = window.key().window().startMs();
          scan.starts.add(start);
          if (start == 0) {
            combined = window;
            if (window.value().timestamp() < timestamp) {
              scan.previousTimestamp = window.value().timestamp();
            }
          } else if (start <= timestamp) {
            scan.rightAgg = window.value();
            update(record, start, window.value(), closeTime);
          } else {
            scan.rightExists = true;
          }
        }
      }
      if (scan.rightAgg == null && combined != null
          && combined.value().timestamp() > timestamp) {
        scan.rightAgg = combined.value();
      }
      if (!scan.rightExists) {
        createRightWindow(record, scan.rightAgg);
      }
      if (scan.previousTimestamp != null && !scan.starts.contains(scan.previousTimestamp + 1)) {
        update(record, scan.previousTimestamp + 1, initial(timestamp), closeTime);
      }
      update(record, 0, combined == null ? initial(timestamp) : combined.value(), closeTime);
    }

    private ValueAndTimestamp<VA> initial(long timestamp) {
      return ValueAndTimestamp.make(initializer.apply(), timestamp);
    }

    /** Creates the record's right window from an aggregate holding only later records. */
    private void createRightWindow(Record<K, V> record, ValueAndTimestamp<VA> rightAgg) {
      long timestamp = record.timestamp();
      if (rightAgg == null || rightAgg.timestamp() <= timestamp) {
        return;
      }
      put(record.key(), rightAgg, timestamp + 1);
      if (forwarder != null) {
        forwarder.maybeForward(record, windowed(record.key(), timestamp + 1), rightAgg.value(),
            null, rightAgg.timestamp());
      }
    }

    private void update(Record<K, V> record, long start, ValueAndTimestamp<VA> current,
        long closeTime) {
      long end = start + difference;
      if (end < closeTime) {
        drops.dropLate(record, end + windows.gracePeriodMs());
        return;
      }
      VA oldAgg = current == null ? null : current.value();
      VA newAgg = aggregator.apply(record.key(), record.value(), oldAgg);
      long timestamp = oldAgg == null ? record.timestamp()
          : Math.max(record.timestamp(), current.timestamp());
      put(record.key(), ValueAndTimestamp.make(newAgg, timestamp), start);
      if (forwarder != null) {
        forwarder.maybeForward(record, windowed(record.key(), start), newAgg, oldAgg, timestamp);
      }
    }

    private void put(K key, ValueAndTimestamp<VA> aggregate, long start) {
      store.put(key, aggregate, start);
      if (emitter != null) {
        emitter.written(start);
      }
    }

    private Windowed<K> windowed(K key, long start) {
      return new Windowed<>(key, new Window(start, start + difference));
    }

    @Override
    public void close() {
      drops.close();
    }
  }
}
