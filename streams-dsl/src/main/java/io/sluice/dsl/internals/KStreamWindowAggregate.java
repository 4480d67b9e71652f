package io.sluice.dsl.internals;

import io.sluice.dsl.Aggregator;
import io.sluice.dsl.EmitStrategy;
import io.sluice.dsl.Initializer;
import io.sluice.dsl.Windows;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Aggregates a grouped stream into fixed time windows (tumbling or hopping) kept in a timestamped
 * window store. Each record updates every window it falls into that is still open (window end
 * greater than stream time minus grace); a record too late for one of its windows is reported to
 * the operator's {@link DropReporter} once per closed window. A window's aggregate carries the
 * largest timestamp of its records.
 *
 * <p>With {@link EmitStrategy#ON_WINDOW_UPDATE} every update is forwarded (or, when the store
 * caches, the latest per key at each cache flush). With {@link EmitStrategy#ON_WINDOW_CLOSE} a
 * window's aggregate is forwarded once, when stream time moves past its end plus grace; the close
 * time emitted up to is kept in a changelogged {@link EmitMarker} store, so final results are
 * neither lost nor repeated across a failover. Several instances sharing one store (cogroup) each
 * apply their own aggregator.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <VA> aggregate type
 */
final class KStreamWindowAggregate<K, V, VA>
    implements ProcessorSupplier<K, V, Windowed<K>, Change<VA>>, SendsOldValues {
  private final Windows windows;
  private final String storeName;
  private final EmitStrategy emitStrategy;
  private final Initializer<VA> initializer;
  private final Aggregator<? super K, ? super V, VA> aggregator;
  private final DropSpec dropSpec;
  private boolean sendOldValues;

  KStreamWindowAggregate(Windows windows, String storeName, EmitStrategy emitStrategy,
      Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> aggregator,
      DropSpec dropSpec) {
    this.windows = windows;
    this.storeName = storeName;
    this.emitStrategy = emitStrategy;
    this.initializer = initializer;
    this.aggregator = aggregator;
    this.dropSpec = dropSpec;
  }

  @Override
  public void enableSendingOldValues() {
    sendOldValues = true;
  }

  @Override
  public Processor<K, V, Windowed<K>, Change<VA>> get() {
    return new WindowAggregateProcessor();
  }

  private final class WindowAggregateProcessor
      implements Processor<K, V, Windowed<K>, Change<VA>> {
    private final DropReporter drops = new DropReporter(dropSpec);
    private final EmitMarker marker = new EmitMarker();
    private ProcessorContext<Windowed<K>, Change<VA>> context;
    private TimestampedWindowStore<K, VA> store;
    private ChangeForwarder<Windowed<K>, VA> forwarder;
    private long observedStreamTime = -1L;

    @Override
    public void init(ProcessorContext<Windowed<K>, Change<VA>> context) {
      this.context = context;
      drops.init(context);
      store = context.getStateStore(storeName);
      observedStreamTime = Math.max(-1L, context.currentStreamTimeMs());
      if (emitStrategy == EmitStrategy.ON_WINDOW_CLOSE) {
        marker.init(context, storeName);
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
      observedStreamTime = Math.max(observedStreamTime, record.timestamp());
      long closeTime = observedStreamTime - windows.gracePeriodMs();
      if (emitStrategy == EmitStrategy.ON_WINDOW_CLOSE) {
        // Emitted before this record's own put, which may expire the closed windows from the store.
        emitClosed(record, closeTime);
      }
      for (Map.Entry<Long, Window> entry : windows.windowsFor(record.timestamp()).entrySet()) {
        Window window = entry.getValue();
        if (window.endMs() > closeTime) {
          update(record, entry.getKey(), window);
        } else {
          drops.dropLate(record, window.endMs() + windows.gracePeriodMs());
        }
      }
    }

    private void update(Record<K, V> record, long start, Window window) {
      ValueAndTimestamp<VA> old = store.fetch(record.key(), start);
      VA oldAgg = old == null ? null : old.value();
      long timestamp = old == null ? record.timestamp()
          : Math.max(record.timestamp(), old.timestamp());
      VA newAgg = aggregator.apply(record.key(), record.value(),
          oldAgg == null ? initializer.apply() : oldAgg);
      store.put(record.key(), ValueAndTimestamp.make(newAgg, timestamp), start);
      if (forwarder != null) {
        forwarder.maybeForward(record, new Windowed<>(record.key(), window), newAgg, oldAgg,
            timestamp);
      }
    }

    private void emitClosed(Record<K, V> record, long closeTime) {
      long size = windows.size();
      long upper = closeTime - size;
      long previous = marker.emittedUpTo();
      long lower = previous == Long.MIN_VALUE ? 0L : Math.max(0L, previous - size + 1);
      if (upper < 0 || upper < lower) {
        return;
      }
      List<KeyValue<Windowed<K>, ValueAndTimestamp<VA>>> closed = new ArrayList<>();
      try (KeyValueIterator<Windowed<K>, ValueAndTimestamp<VA>> it = store.fetchAll(lower, upper)) {
        while (it.hasNext()) {
          closed.add(it.next());
        }
      }
      for (KeyValue<Windowed<K>, ValueAndTimestamp<VA>> entry : closed) {
        Windowed<K> key = new Windowed<>(entry.key().key(), new Window(
            entry.key().window().startMs(), entry.key().window().startMs() + size));
        context.forward(new Record<>(key, new Change<>(null, entry.value().value()),
            entry.value().timestamp(), record.headers()));
      }
      marker.advance(closeTime);
    }

    @Override
    public void close() {
      drops.close();
    }
  }
}
