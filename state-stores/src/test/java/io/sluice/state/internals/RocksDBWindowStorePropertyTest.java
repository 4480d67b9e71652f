package io.sluice.state.internals;

import static io.sluice.state.internals.StoreTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.WindowStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;

/**
 * Drives the RocksDB window store (with segments much shorter than the retention, so fetches cross
 * segment boundaries and expiry drops segments), the in-memory one and an independent list model
 * with the same random operations, and requires identical answers.
 */
class RocksDBWindowStorePropertyTest {

  static final long RETENTION = 20;
  static final long WINDOW_SIZE = 5;
  static final long SEGMENT_INTERVAL = 6;

  sealed interface Op permits Put, FetchOne, FetchKey, FetchRange {}

  record Put(byte[] key, byte[] value, long start) implements Op {}

  record FetchOne(byte[] key, long start) implements Op {}

  record FetchKey(byte[] key, long from, long to, boolean forward) implements Op {}

  /** A key-range fetch; both keys null and from/to at the extremes is {@code all()}. */
  record FetchRange(byte[] keyFrom, byte[] keyTo, long from, long to, boolean forward, boolean all)
      implements Op {}

  record Row(byte[] key, long start, int seq, byte[] value) {}

  /** The model: a list of rows, filtered and sorted on every read. */
  static final class Model {
    final boolean duplicates;
    final List<Row> rows = new ArrayList<>();
    long streamTime = Long.MIN_VALUE;
    int seq;

    Model(boolean duplicates) {
      this.duplicates = duplicates;
    }

    void put(byte[] key, byte[] value, long start) {
      if (duplicates && value == null) {
        return;
      }
      streamTime = Math.max(streamTime, start);
      if (start <= streamTime - RETENTION) {
        return;
      }
      if (duplicates) {
        rows.add(new Row(key, start, ++seq, value));
        return;
      }
      rows.removeIf(r -> r.start() == start && Arrays.equals(r.key(), key));
      if (value != null) {
        rows.add(new Row(key, start, 0, value));
      }
    }

    List<Row> select(byte[] keyFrom, byte[] keyTo, long from, long to, boolean forward) {
      List<Row> out = new ArrayList<>();
      for (Row r : rows) {
        boolean live = streamTime == Long.MIN_VALUE || r.start() > streamTime - RETENTION;
        if (live
            && r.start() >= from
            && r.start() <= to
            && (keyFrom == null || Arrays.compareUnsigned(r.key(), keyFrom) >= 0)
            && (keyTo == null || Arrays.compareUnsigned(r.key(), keyTo) <= 0)) {
          out.add(r);
        }
      }
      out.sort(
          Comparator.comparingLong(Row::start)
              .thenComparing(Row::key, Arrays::compareUnsigned)
              .thenComparingInt(Row::seq));
      if (!forward) {
        Collections.reverse(out);
      }
      return out;
    }
  }

  @Property(tries = 100)
  void rocksDbInMemoryAndModelAgree(
      @ForAll("ops") @Size(max = 40) List<Op> ops, @ForAll boolean duplicates) {
    try (RocksDBTestContext context = new RocksDBTestContext()) {
      RocksDBWindowStore rocks =
          new RocksDBWindowStore(
              "rocks", "rocksdb-window", RETENTION, WINDOW_SIZE, duplicates, SEGMENT_INTERVAL);
      InMemoryWindowStore memory =
          new InMemoryWindowStore("memory", "in-memory-window", RETENTION, WINDOW_SIZE, duplicates);
      rocks.init(context, rocks);
      memory.init(context, memory);
      Model model = new Model(duplicates);
      try {
        for (Op op : ops) {
          String expected = apply(model, op);
          assertThat(apply(rocks, op)).as("rocksdb after %s", op).isEqualTo(expected);
          assertThat(apply(memory, op)).as("in-memory after %s", op).isEqualTo(expected);
        }
        long oldestLive = model.streamTime == Long.MIN_VALUE ? 0 : model.streamTime - RETENTION + 1;
        long oldestSegment = Math.floorDiv(oldestLive, SEGMENT_INTERVAL);
        assertThat(rocks.segmented().requireOpen().all())
            .as("segments wholly past retention are dropped")
            .allSatisfy(s -> assertThat(s.id()).isGreaterThanOrEqualTo(oldestSegment));
        assertRestoreRebuilds(context, rocks, ops, duplicates);
      } finally {
        rocks.close();
        memory.close();
      }
    }
  }

  /**
   * Replays the puts as the changelog would carry them into a fresh RocksDB store, in two batches,
   * and requires it to equal the store that took them live.
   */
  private static void assertRestoreRebuilds(
      RocksDBTestContext context, RocksDBWindowStore live, List<Op> ops, boolean duplicates) {
    List<ConsumerRecord<byte[], byte[]>> changelog = new ArrayList<>();
    int seq = 0;
    for (Op op : ops) {
      if (op instanceof Put p && !(duplicates && p.value() == null)) {
        Bytes storeKey =
            WindowKeySchema.toStoreKey(Bytes.wrap(p.key()), p.start(), duplicates ? ++seq : 0);
        changelog.add(new ConsumerRecord<>("changelog", 0, 0, storeKey.get(), p.value()));
      }
    }
    RocksDBWindowStore restored =
        new RocksDBWindowStore(
            "restored", "rocksdb-window", RETENTION, WINDOW_SIZE, duplicates, SEGMENT_INTERVAL);
    restored.init(context, restored);
    try {
      int half = changelog.size() / 2;
      context.callback("restored").restoreBatch(changelog.subList(0, half));
      context.callback("restored").restoreBatch(changelog.subList(half, changelog.size()));
      FetchRange all = new FetchRange(null, null, 0, 0, true, true);
      FetchRange backward = new FetchRange(null, null, 0, 0, false, true);
      assertThat(apply(restored, all)).isEqualTo(apply(live, all));
      assertThat(apply(restored, backward)).isEqualTo(apply(live, backward));
    } finally {
      restored.close();
    }
  }

  private static String render(Row r, boolean withWindow) {
    return hex(r.key())
        + "@"
        + r.start()
        + (withWindow ? "+" + WINDOW_SIZE : "")
        + "="
        + hex(r.value());
  }

  private static String apply(Model model, Op op) {
    if (op instanceof Put p) {
      model.put(p.key(), p.value(), p.start());
      return "";
    } else if (op instanceof FetchOne f) {
      List<Row> rows = model.select(f.key(), f.key(), f.start(), f.start(), true);
      List<Row> exact = rows.stream().filter(r -> Arrays.equals(r.key(), f.key())).toList();
      return exact.isEmpty() ? "null" : hex(exact.get(0).value());
    } else if (op instanceof FetchKey f) {
      return model.select(f.key(), f.key(), f.from(), f.to(), f.forward()).stream()
          .map(r -> r.start() + "=" + hex(r.value()))
          .toList()
          .toString();
    }
    FetchRange f = (FetchRange) op;
    if (f.keyFrom() != null
        && f.keyTo() != null
        && Arrays.compareUnsigned(f.keyFrom(), f.keyTo()) > 0) {
      return "[]";
    }
    long from = f.all() ? Long.MIN_VALUE : f.from();
    long to = f.all() ? Long.MAX_VALUE : f.to();
    return model.select(f.keyFrom(), f.keyTo(), from, to, f.forward()).stream()
        .map(r -> render(r, true))
        .toList()
        .toString();
  }

  private static String apply(WindowStore<Bytes, byte[]> store, Op op) {
    if (op instanceof Put p) {
      store.put(Bytes.wrap(p.key()), p.value(), p.start());
      return "";
    } else if (op instanceof FetchOne f) {
      return hex(store.fetch(Bytes.wrap(f.key()), f.start()));
    } else if (op instanceof FetchKey f) {
      Bytes key = Bytes.wrap(f.key());
      return StoreTestSupport.drain(
              f.forward()
                  ? store.fetch(key, f.from(), f.to())
                  : store.backwardFetch(key, f.from(), f.to()),
              kv -> kv.key() + "=" + hex(kv.value()))
          .toString();
    }
    FetchRange f = (FetchRange) op;
    Bytes keyFrom = f.keyFrom() == null ? null : Bytes.wrap(f.keyFrom());
    Bytes keyTo = f.keyTo() == null ? null : Bytes.wrap(f.keyTo());
    KeyValueIterator<Windowed<Bytes>, byte[]> it;
    if (f.all()) {
      it = f.forward() ? store.all() : store.backwardAll();
      if (keyFrom != null || keyTo != null) {
        it.close();
        it =
            f.forward()
                ? store.fetch(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE)
                : store.backwardFetch(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE);
      }
    } else if (keyFrom == null && keyTo == null) {
      it =
          f.forward() ? store.fetchAll(f.from(), f.to()) : store.backwardFetchAll(f.from(), f.to());
    } else {
      it =
          f.forward()
              ? store.fetch(keyFrom, keyTo, f.from(), f.to())
              : store.backwardFetch(keyFrom, keyTo, f.from(), f.to());
    }
    return StoreTestSupport.drain(
            it,
            kv -> {
              Windowed<Bytes> w = kv.key();
              assertThat(w.window().endMs() - w.window().startMs()).isEqualTo(WINDOW_SIZE);
              return hex(w.key().get())
                  + "@"
                  + w.window().startMs()
                  + "+"
                  + WINDOW_SIZE
                  + "="
                  + hex(kv.value());
            })
        .toString();
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<byte[]> keys = StoreTestSupport.keys(2);
    Arbitrary<byte[]> values = StoreTestSupport.values();
    Arbitrary<byte[]> bounds = keys.injectNull(0.3);
    Arbitrary<Long> times = Arbitraries.longs().between(0, 70);
    Arbitrary<Boolean> bool = Arbitraries.of(true, false);
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            Tuple.of(6, Combinators.combine(keys, values, times).as(Put::new)),
            Tuple.of(2, Combinators.combine(keys, times).as(FetchOne::new)),
            Tuple.of(2, Combinators.combine(keys, times, times, bool).as(FetchKey::new)),
            Tuple.of(
                2,
                Combinators.combine(
                        bounds, bounds, times, times, bool, Arbitraries.of(false, false, true))
                    .as(FetchRange::new)));
    return op.list();
  }
}
