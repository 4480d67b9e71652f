package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorContext;
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

/**
 * The emit-on-window-close side of a sliding-window aggregation: which windows are final at a
 * record, and forwarding them once, in the order Kafka Streams forwards them.
 *
 * <p>A sliding window {@code [s, s + d]} includes its end, so it is final once its end is before
 * the close time (stream time minus grace): {@code s + d < closeTime}. At each record the windows
 * that became final since the last emission are read from the store, by window start and then by
 * serialized key across all keys, before the record's own puts (which only touch open windows).
 * They are forwarded after those puts, without the windows that the puts expired: Kafka Streams
 * reads them after its puts, from a store whose stream time is the latest window start written,
 * so a window whose retention ran out before its end passed the close time has no final result.
 * Its in-memory store keeps a window while {@code start > latestStart - retention}, its RocksDB
 * emit-final store also at {@code start == latestStart - retention}; a persistent store here
 * follows the latter rule, an in-memory one the former. The windows read before the puts are
 * already filtered by the store's own stream time, so filtering them by the latest start written
 * since this processor started is exact, after a restart too.
 *
 * <p>The close time emitted up to is an {@link EmitMarker}, changelogged, so a failover neither
 * loses nor repeats a final result.
 *
 * @param <K> key type
 * @param <VA> aggregate type
 */
final class SlidingFinalEmitter<K, VA> {
  private final long differenceMs;
  private final long retentionMs;
  private final EmitMarker marker = new EmitMarker();
  private ProcessorContext<Windowed<K>, Change<VA>> context;
  private TimestampedWindowStore<K, VA> store;
  private long boundaryKept;
  private long latestStart = Long.MIN_VALUE;

  /**
   * @param differenceMs the windows' time difference {@code d}, ms
   * @param retentionMs the aggregation store's retention, ms
   */
  SlidingFinalEmitter(long differenceMs, long retentionMs) {
    this.differenceMs = differenceMs;
    this.retentionMs = retentionMs;
  }

  /**
   * @param context the aggregation's context, connected to its store and marker store
   * @param store the aggregation's store
   * @param storeName the aggregation's store name
   */
  void init(ProcessorContext<Windowed<K>, Change<VA>> context, TimestampedWindowStore<K, VA> store,
      String storeName) {
    this.context = context;
    this.store = store;
    boundaryKept = store.persistent() ? 1L : 0L;
    marker.init(context, storeName);
  }

  /** @param windowStartMs the start of a window the aggregation just wrote, epoch ms */
  void written(long windowStartMs) {
    latestStart = Math.max(latestStart, windowStartMs);
  }

  /**
   * Reads the windows that became final since the last emission; call before the record's puts.
   *
   * @param closeTime stream time minus grace, epoch ms
   * @return the final windows, by start then key; empty if none
   */
  List<KeyValue<Windowed<K>, ValueAndTimestamp<VA>>> closed(long closeTime) {
    long upper = closeTime - differenceMs - 1;
    long previous = marker.emittedUpTo();
    long lower = previous == Long.MIN_VALUE ? 0L : Math.max(0L, previous - differenceMs);
    List<KeyValue<Windowed<K>, ValueAndTimestamp<VA>>> closed = new ArrayList<>();
    if (upper < 0 || upper < lower) {
      return closed;
    }
    try (KeyValueIterator<Windowed<K>, ValueAndTimestamp<VA>> it = store.fetchAll(lower, upper)) {
      while (it.hasNext()) {
        closed.add(it.next());
      }
    }
    return closed;
  }

  /**
   * Forwards the final windows read by {@link #closed} that the record's puts did not expire, each
   * with its aggregate's timestamp and the record's headers; call after the record's puts.
   *
   * Then records that every window final at {@code closeTime} was emitted.
   *
   * @param record the record being processed
   * @param closed what {@link #closed} returned for it
   * @param closeTime the close time {@link #closed} was given
   */
  void forward(Record<?, ?> record, List<KeyValue<Windowed<K>, ValueAndTimestamp<VA>>> closed,
      long closeTime) {
    long expiredUpTo = latestStart == Long.MIN_VALUE ? Long.MIN_VALUE
        : latestStart - retentionMs - boundaryKept;
    for (KeyValue<Windowed<K>, ValueAndTimestamp<VA>> entry : closed) {
      long start = entry.key().window().startMs();
      if (start <= expiredUpTo) {
        continue;
      }
      Windowed<K> key = new Windowed<>(entry.key().key(), new Window(start, start + differenceMs));
      context.forward(new Record<>(key, new Change<>(null, entry.value().value()),
          entry.value().timestamp(), record.headers()));
    }
    if (closeTime - differenceMs - 1 >= 0) {
      marker.advance(closeTime);
    }
  }
}
