package io.sluice.dsl.internals;

import io.sluice.dsl.Aggregator;
import io.sluice.dsl.EmitStrategy;
import io.sluice.dsl.Initializer;
import io.sluice.dsl.Merger;
import io.sluice.dsl.SessionWindows;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.serdes.internals.Change;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.SessionStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Aggregates a grouped stream into sessions kept in a session store. A record at {@code t} finds
 * the sessions of its key that reach within the inactivity gap of {@code t}, merges them (with the
 * {@link Merger}) and itself into one session, removes the sessions it merged (forwarding a
 * tombstone for each, even for one whose bounds the merged session keeps, as Kafka Streams does)
 * and stores the new one. A session whose merged end is older than stream time
 * minus gap minus grace is closed: the record is reported late to the {@link DropReporter}.
 * Updates are timestamped with the session's end.
 *
 * <p>With {@link EmitStrategy#ON_WINDOW_CLOSE} nothing is forwarded on update; each session is
 * forwarded once when it closes, tracked by a changelogged {@link EmitMarker}.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <VA> aggregate type
 */
final class KStreamSessionWindowAggregate<K, V, VA>
    implements ProcessorSupplier<K, V, Windowed<K>, Change<VA>>, SendsOldValues {
  private final SessionWindows windows;
  private final String storeName;
  private final EmitStrategy emitStrategy;
  private final Initializer<VA> initializer;
  private final Aggregator<? super K, ? super V, VA> aggregator;
  private final Merger<? super K, VA> merger;
  private final DropSpec dropSpec;
  private boolean sendOldValues;

  KStreamSessionWindowAggregate(SessionWindows windows, String storeName,
      EmitStrategy emitStrategy, Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Merger<? super K, VA> merger,
      DropSpec dropSpec) {
    this.windows = windows;
    this.storeName = storeName;
    this.emitStrategy = emitStrategy;
    this.initializer = initializer;
    this.aggregator = aggregator;
    this.merger = merger;
    this.dropSpec = dropSpec;
  }

  @Override
  public void enableSendingOldValues() {
    sendOldValues = true;
  }

  @Override
  public Processor<K, V, Windowed<K>, Change<VA>> get() {
    return new SessionAggregateProcessor();
  }

  private final class SessionAggregateProcessor
      implements Processor<K, V, Windowed<K>, Change<VA>> {
    private final DropReporter drops = new DropReporter(dropSpec);
    private final EmitMarker marker = new EmitMarker();
    private ProcessorContext<Windowed<K>, Change<VA>> context;
    private SessionStore<K, VA> store;
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
        forwarder = ChangeForwarder.session(store, context, sendOldValues);
      }
    }

    @Override
    public void process(Record<K, V> record) {
      if (record.key() == null) {
        drops.drop(record, DropReason.NULL_KEY);
        return;
      }
      long timestamp = record.timestamp();
      observedStreamTime = Math.max(observedStreamTime, timestamp);
      long closeTime = observedStreamTime - windows.gracePeriodMs() - windows.inactivityGap();
      if (emitStrategy == EmitStrategy.ON_WINDOW_CLOSE) {
        emitClosed(record, closeTime);
      }
      List<KeyValue<Windowed<K>, VA>> merged = new ArrayList<>();
      long start = timestamp;
      long end = timestamp;
      VA agg = initializer.apply();
      try (KeyValueIterator<Windowed<K>, VA> it = store.findSessions(record.key(),
          timestamp - windows.inactivityGap(), timestamp + windows.inactivityGap())) {
        while (it.hasNext()) {
          KeyValue<Windowed<K>, VA> session = it.next();
          merged.add(session);
          agg = merger.apply(record.key(), agg, session.value());
          start = Math.min(start, session.key().window().startMs());
          end = Math.max(end, session.key().window().endMs());
        }
      }
      if (end < closeTime) {
        drops.dropLate(record, end + windows.inactivityGap() + windows.gracePeriodMs());
        return;
      }
      Window window = new Window(start, end);
      if (start != timestamp || end != timestamp) {
        // The record joined or extended sessions: all of them go, the merged one replaces them.
        for (KeyValue<Windowed<K>, VA> session : merged) {
          store.remove(session.key());
          if (forwarder != null) {
            forwarder.maybeForward(record, session.key(), null, session.value(),
                session.key().window().endMs());
          }
        }
      }
      agg = aggregator.apply(record.key(), record.value(), agg);
      Windowed<K> key = new Windowed<>(record.key(), window);
      store.put(key, agg);
      if (forwarder != null) {
        forwarder.maybeForward(record, key, agg, null, end);
      }
    }

    private void emitClosed(Record<K, V> record, long closeTime) {
      long previous = marker.emittedUpTo();
      if (closeTime <= previous || closeTime <= 0) {
        return;
      }
      long from = previous == Long.MIN_VALUE ? 0L : previous;
      List<KeyValue<Windowed<K>, VA>> closed = new ArrayList<>();
      try (KeyValueIterator<Windowed<K>, VA> it =
          store.findSessions(null, null, from, closeTime - 1)) {
        while (it.hasNext()) {
          KeyValue<Windowed<K>, VA> session = it.next();
          long sessionEnd = session.key().window().endMs();
          if (sessionEnd >= from && sessionEnd < closeTime) {
            closed.add(session);
          }
        }
      }
      closed.sort(Comparator.comparingLong(s -> s.key().window().endMs()));
      for (KeyValue<Windowed<K>, VA> session : closed) {
        context.forward(new Record<>(session.key(), new Change<>(null, session.value()),
            session.key().window().endMs(), record.headers()));
      }
      marker.advance(closeTime);
    }

    @Override
    public void close() {
      drops.close();
    }
  }
}
