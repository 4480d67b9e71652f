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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * The emit-on-window-close side of a sliding-window aggregation: which windows are final at a
 * record, and forwarding each once, in the order Kafka Streams forwards them.
 *
 * <p>A sliding window {@code [s, s + d]} includes its end, so it is final once its end is before
 * the close time (stream time minus grace): {@code s + d < closeTime}. At each record the windows
 * that became final since the last emission are read from the store before the record's own puts
 * (which only touch open windows) and forwarded after them, without the windows those puts
 * expired: Kafka Streams reads them after its puts, from a store whose stream time is the latest
 * window start written, so a window whose retention ran out before its end passed the close time
 * has no final result. Each such skipped result is reported to the operator's {@link DropReporter}
 * as the closing record, reason {@link DropReason#EXPIRED_WINDOW}. The windows read before the puts are already filtered by the store's own
 * stream time, so filtering them by the latest start written since this processor started is
 * exact, after a restart too.
 *
 * <p>How Kafka Streams' store bounds and orders them depends on the store:
 * <ul>
 *   <li>built by the DSL, in memory: kept while {@code start > latestStart - retention}; by
 *       window start, then serialized key;
 *   <li>built by the DSL, persistent (its RocksDB emit-final store): kept while {@code start >=
 *       latestStart - retention}; by window start, then serialized key;
 *   <li>from a persistent store supplier (a key-first RocksDB window store): kept while {@code
 *       start > latestStart - retention}; by segment ({@code start / segmentInterval}), then
 *       serialized key followed by the 8-byte big-endian start, as unsigned bytes.
 * </ul>
 *
 * <p>The close time emitted up to is an {@link EmitMarker}, changelogged, so a failover neither
 * loses nor repeats a final result.
 *
 * @param <K> key type
 * @param <VA> aggregate type
 */
final class SlidingFinalEmitter<K, VA> {
  /**
   * What the emitter must know of the aggregation's store.
   *
   * @param retentionMs the store's retention, ms
   * @param suppliedSegmentMs the segment interval of a store supplier the user gave, ms; 0 if the
   *     DSL builds the store
   * @param keySerde the store's key serde; {@code null} for the configured default
   * @param <K> key type
   */
  record StoreRules<K>(long retentionMs, long suppliedSegmentMs, Serde<K> keySerde) {}

  private final long differenceMs;
  private final StoreRules<K> rules;
  private final EmitMarker marker = new EmitMarker();
  private ProcessorContext<Windowed<K>, Change<VA>> context;
  private DropReporter drops;
  private TimestampedWindowStore<K, VA> store;
  private String storeName;
  private long boundaryKept;
  private Serializer<K> keyFirst;
  private long latestStart = Long.MIN_VALUE;

  /**
   * @param differenceMs the windows' time difference {@code d}, ms
   * @param rules what the emitter must know of the store
   */
  SlidingFinalEmitter(long differenceMs, StoreRules<K> rules) {
    this.differenceMs = differenceMs;
    this.rules = rules;
  }

  /**
   * @param context the aggregation's context, connected to its store and marker store
   * @param store the aggregation's store
   * @param storeName the aggregation's store name
   * @param drops the aggregation's drop reporter, already initialized; reports the final results
   *     skipped because the closing record's puts expired their window
   */
  void init(ProcessorContext<Windowed<K>, Change<VA>> context, TimestampedWindowStore<K, VA> store,
      String storeName, DropReporter drops) {
    this.context = context;
    this.drops = drops;
    this.store = store;
    this.storeName = storeName;
    boolean supplied = rules.suppliedSegmentMs() > 0;
    boundaryKept = store.persistent() && !supplied ? 1L : 0L;
    keyFirst = store.persistent() && supplied ? keySerializer(context) : null;
    marker.init(context, storeName);
  }

  private Serializer<K> keySerializer(ProcessorContext<?, ?> context) {
    if (rules.keySerde() != null) {
      return rules.keySerde().serializer();
    }
    @SuppressWarnings("unchecked") // the default key serde is the user's promise that it fits K
    Serializer<K> serializer = (Serializer<K>) context.keySerde().serializer();
    return serializer;
  }

  /** @param windowStartMs the start of a window the aggregation just wrote, epoch ms */
  void written(long windowStartMs) {
    latestStart = Math.max(latestStart, windowStartMs);
  }

  /**
   * Reads the windows that became final since the last emission; call before the record's puts.
   *
   * @param closeTime stream time minus grace, epoch ms
   * @return the final windows, in emission order; empty if none
   */
  List<KeyValue<Windowed<K>, ValueAndTimestamp<VA>>> closed(long closeTime) {
    long upper = closeTime - differenceMs - 1;
    long previous = marker.emittedUpTo();
    long lower = previous == Long.MIN_VALUE ? 0L : Math.max(0L, previous - differenceMs);
    if (upper < 0 || upper < lower) {
      return List.of();
    }
    List<KeyValue<Windowed<K>, ValueAndTimestamp<VA>>> closed = null;
    try (KeyValueIterator<Windowed<K>, ValueAndTimestamp<VA>> it = store.fetchAll(lower, upper)) {
      while (it.hasNext()) {
        if (closed == null) {
          closed = new ArrayList<>();
        }
        closed.add(it.next());
      }
    }
    if (closed == null) {
      return List.of();
    }
    return keyFirst == null || closed.size() < 2 ? closed : inKeyFirstOrder(closed);
  }

  /** A final window and where a key-first segmented store would list it. */
  private record Ordered<K, VA>(long segment, Bytes storeKey,
      KeyValue<Windowed<K>, ValueAndTimestamp<VA>> entry) {}

  private List<KeyValue<Windowed<K>, ValueAndTimestamp<VA>>> inKeyFirstOrder(
      List<KeyValue<Windowed<K>, ValueAndTimestamp<VA>>> closed) {
    List<Ordered<K, VA>> ordered = new ArrayList<>(closed.size());
    for (KeyValue<Windowed<K>, ValueAndTimestamp<VA>> entry : closed) {
      long start = entry.key().window().startMs();
      byte[] key = keyFirst.serialize(storeName, entry.key().key());
      byte[] storeKey = ByteBuffer.allocate(key.length + Long.BYTES).put(key).putLong(start)
          .array();
      ordered.add(new Ordered<>(start / rules.suppliedSegmentMs(), Bytes.wrap(storeKey), entry));
    }
    ordered.sort(Comparator.<Ordered<K, VA>>comparingLong(Ordered::segment)
        .thenComparing(Ordered::storeKey));
    return ordered.stream().map(Ordered::entry).toList();
  }

  /**
   * Forwards the final windows read by {@link #closed} that the record's puts did not expire, each
   * with its aggregate's timestamp and the record's headers, and reports each expired one as a drop
   * of {@code record} ({@link DropReason#EXPIRED_WINDOW}); call after the record's puts. Then
   * records that every window final at {@code closeTime} was emitted.
   *
   * @param record the record being processed
   * @param closed what {@link #closed} returned for it
   * @param closeTime the close time {@link #closed} was given
   */
  void forward(Record<?, ?> record, List<KeyValue<Windowed<K>, ValueAndTimestamp<VA>>> closed,
      long closeTime) {
    long expiredUpTo = latestStart == Long.MIN_VALUE ? Long.MIN_VALUE
        : latestStart - rules.retentionMs() - boundaryKept;
    for (KeyValue<Windowed<K>, ValueAndTimestamp<VA>> entry : closed) {
      long start = entry.key().window().startMs();
      if (start <= expiredUpTo) {
        // Kafka Streams has no final result for it either: count and report it, forward nothing.
        drops.drop(record, DropReason.EXPIRED_WINDOW);
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
