package io.sluice.state.internals;

import static io.sluice.state.internals.StoreTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.SessionStore;
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
 * Drives the RocksDB session store (segments shorter than the retention), the in-memory one and an
 * independent list model with the same random puts, removes and finds, and requires identical
 * answers.
 */
class RocksDBSessionStorePropertyTest {

  static final long RETENTION = 20;
  static final long SEGMENT_INTERVAL = 6;

  sealed interface Op permits Put, FetchSession, Find {}

  record Put(byte[] key, long start, long length, byte[] value) implements Op {}

  record FetchSession(byte[] key, long start, long end) implements Op {}

  /** A find over a key range; {@code single} uses the one-key overload with {@code keyFrom}. */
  record Find(
      byte[] keyFrom,
      byte[] keyTo,
      long earliestEnd,
      long latestStart,
      boolean forward,
      boolean single,
      boolean fetch)
      implements Op {}

  record Row(byte[] key, long start, long end, byte[] value) {}

  /** The model: a list of sessions, filtered and sorted on every read. */
  static final class Model {
    final List<Row> rows = new ArrayList<>();
    long streamTime = Long.MIN_VALUE;

    void put(byte[] key, long start, long end, byte[] value) {
      streamTime = Math.max(streamTime, end);
      if (end <= streamTime - RETENTION) {
        return;
      }
      rows.removeIf(r -> r.start() == start && r.end() == end && Arrays.equals(r.key(), key));
      if (value != null) {
        rows.add(new Row(key, start, end, value));
      }
    }

    List<Row> select(
        byte[] keyFrom, byte[] keyTo, long earliestEnd, long latestStart, boolean forward) {
      List<Row> out = new ArrayList<>();
      for (Row r : rows) {
        boolean live = streamTime == Long.MIN_VALUE || r.end() > streamTime - RETENTION;
        if (live
            && r.end() >= earliestEnd
            && r.start() <= latestStart
            && (keyFrom == null || Arrays.compareUnsigned(r.key(), keyFrom) >= 0)
            && (keyTo == null || Arrays.compareUnsigned(r.key(), keyTo) <= 0)) {
          out.add(r);
        }
      }
      out.sort(
          Comparator.comparingLong(Row::end)
              .thenComparing(Row::key, Arrays::compareUnsigned)
              .thenComparingLong(Row::start));
      if (!forward) {
        Collections.reverse(out);
      }
      return out;
    }
  }

  @Property(tries = 100)
  void rocksDbInMemoryAndModelAgree(@ForAll("ops") @Size(max = 40) List<Op> ops) {
    try (RocksDBTestContext context = new RocksDBTestContext()) {
      RocksDBSessionStore rocks =
          new RocksDBSessionStore("rocks", "rocksdb-session", RETENTION, SEGMENT_INTERVAL);
      InMemorySessionStore memory =
          new InMemorySessionStore("memory", "in-memory-session", RETENTION);
      rocks.init(context, rocks);
      memory.init(context, memory);
      Model model = new Model();
      try {
        for (Op op : ops) {
          String expected = apply(model, op);
          assertThat(apply(rocks, op)).as("rocksdb after %s", op).isEqualTo(expected);
          assertThat(apply(memory, op)).as("in-memory after %s", op).isEqualTo(expected);
        }
        assertRestoreRebuilds(context, rocks, ops);
      } finally {
        rocks.close();
        memory.close();
      }
    }
  }

  /**
   * Replays the puts and removes as the changelog would carry them into a fresh RocksDB store, in
   * two batches, and requires it to equal the store that took them live.
   */
  private static void assertRestoreRebuilds(
      RocksDBTestContext context, RocksDBSessionStore live, List<Op> ops) {
    List<ConsumerRecord<byte[], byte[]>> changelog = new ArrayList<>();
    for (Op op : ops) {
      if (op instanceof Put p) {
        Bytes storeKey =
            SessionKeySchema.toStoreKey(Bytes.wrap(p.key()), p.start(), p.start() + p.length());
        changelog.add(new ConsumerRecord<>("changelog", 0, 0, storeKey.get(), p.value()));
      }
    }
    RocksDBSessionStore restored =
        new RocksDBSessionStore("restored", "rocksdb-session", RETENTION, SEGMENT_INTERVAL);
    restored.init(context, restored);
    try {
      int half = changelog.size() / 2;
      context.callback("restored").restoreBatch(changelog.subList(0, half));
      context.callback("restored").restoreBatch(changelog.subList(half, changelog.size()));
      for (boolean forward : new boolean[] {true, false}) {
        Find all = new Find(null, null, 0, 0, forward, false, true);
        assertThat(apply(restored, all)).isEqualTo(apply(live, all));
      }
    } finally {
      restored.close();
    }
  }

  private static String apply(Model model, Op op) {
    if (op instanceof Put p) {
      model.put(p.key(), p.start(), p.start() + p.length(), p.value());
      return "";
    } else if (op instanceof FetchSession f) {
      for (Row r : model.rows) {
        boolean live = r.end() > model.streamTime - RETENTION;
        if (live
            && r.start() == f.start()
            && r.end() == f.end()
            && Arrays.equals(r.key(), f.key())) {
          return hex(r.value());
        }
      }
      return "null";
    }
    Find f = (Find) op;
    byte[] keyTo = f.single() ? f.keyFrom() : f.keyTo();
    if (f.keyFrom() != null && keyTo != null && Arrays.compareUnsigned(f.keyFrom(), keyTo) > 0) {
      return "[]";
    }
    long earliestEnd = f.fetch() ? Long.MIN_VALUE : f.earliestEnd();
    long latestStart = f.fetch() ? Long.MAX_VALUE : f.latestStart();
    return model.select(f.keyFrom(), keyTo, earliestEnd, latestStart, f.forward()).stream()
        .map(r -> hex(r.key()) + "[" + r.start() + "," + r.end() + "]=" + hex(r.value()))
        .toList()
        .toString();
  }

  private static String apply(SessionStore<Bytes, byte[]> store, Op op) {
    if (op instanceof Put p) {
      Windowed<Bytes> session =
          new Windowed<>(Bytes.wrap(p.key()), new Window(p.start(), p.start() + p.length()));
      if (p.value() == null && p.length() % 2 == 0) {
        store.remove(session);
      } else {
        store.put(session, p.value());
      }
      return "";
    } else if (op instanceof FetchSession f) {
      return hex(store.fetchSession(Bytes.wrap(f.key()), f.start(), f.end()));
    }
    Find f = (Find) op;
    Bytes from = f.keyFrom() == null ? null : Bytes.wrap(f.keyFrom());
    Bytes to = f.keyTo() == null ? null : Bytes.wrap(f.keyTo());
    KeyValueIterator<Windowed<Bytes>, byte[]> it;
    if (f.single() && from != null) {
      if (f.fetch()) {
        it = f.forward() ? store.fetch(from) : store.backwardFetch(from);
      } else {
        it =
            f.forward()
                ? store.findSessions(from, f.earliestEnd(), f.latestStart())
                : store.backwardFindSessions(from, f.earliestEnd(), f.latestStart());
      }
    } else {
      Bytes keyTo = f.single() ? from : to;
      if (f.fetch()) {
        it = f.forward() ? store.fetch(from, keyTo) : store.backwardFetch(from, keyTo);
      } else {
        it =
            f.forward()
                ? store.findSessions(from, keyTo, f.earliestEnd(), f.latestStart())
                : store.backwardFindSessions(from, keyTo, f.earliestEnd(), f.latestStart());
      }
    }
    return StoreTestSupport.drain(
            it,
            kv ->
                hex(kv.key().key().get())
                    + "["
                    + kv.key().window().startMs()
                    + ","
                    + kv.key().window().endMs()
                    + "]="
                    + hex(kv.value()))
        .toString();
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<byte[]> keys = StoreTestSupport.keys(2);
    Arbitrary<byte[]> values = StoreTestSupport.values();
    Arbitrary<byte[]> bounds = keys.injectNull(0.3);
    Arbitrary<Long> times = Arbitraries.longs().between(0, 70);
    Arbitrary<Long> lengths = Arbitraries.longs().between(0, 8);
    Arbitrary<Boolean> bool = Arbitraries.of(true, false);
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            Tuple.of(6, Combinators.combine(keys, times, lengths, values).as(Put::new)),
            Tuple.of(
                2,
                Combinators.combine(keys, times, lengths)
                    .as((k, s, l) -> (Op) new FetchSession(k, s, s + l))),
            Tuple.of(
                3,
                Combinators.combine(bounds, bounds, times, times, bool, bool, bool).as(Find::new)));
    return op.list();
  }
}
