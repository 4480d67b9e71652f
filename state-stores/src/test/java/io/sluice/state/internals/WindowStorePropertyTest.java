package io.sluice.state.internals;

import static io.sluice.state.internals.StoreTestSupport.compareUnsigned;
import static io.sluice.state.internals.StoreTestSupport.drain;
import static io.sluice.state.internals.StoreTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.Stores;
import io.sluice.state.WindowStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Drives the in-memory window store through its full layer stack and a list-based model with
 * retention and duplicates, comparing every result; then checks the changelog and a restore.
 */
class WindowStorePropertyTest {

  static final long RETENTION = 20;
  static final long WINDOW_SIZE = 5;

  record Entry(byte[] key, long start, long seq, byte[] value) {
    String render() {
      return hex(key) + "@" + start + "/" + (start + WINDOW_SIZE) + "=" + hex(value);
    }
  }

  /** The window store's semantics, written independently as a plain list. */
  static final class Model {
    final boolean dups;
    final List<Entry> entries = new ArrayList<>();
    long streamTime = Long.MIN_VALUE;
    long seq;
    long dropped;

    Model(boolean dups) {
      this.dups = dups;
    }

    void put(byte[] key, byte[] value, long start) {
      if (dups && value == null) {
        return;
      }
      streamTime = Math.max(streamTime, start);
      if (start <= streamTime - RETENTION) {
        dropped++;
        return;
      }
      if (dups) {
        entries.add(new Entry(key, start, ++seq, value));
      } else {
        entries.removeIf(e -> Arrays.equals(e.key, key) && e.start == start);
        if (value != null) {
          entries.add(new Entry(key, start, 0, value));
        }
      }
    }

    boolean live(Entry e) {
      return streamTime == Long.MIN_VALUE || e.start > streamTime - RETENTION;
    }

    List<Entry> query(byte[] keyFrom, byte[] keyTo, long from, long to, boolean forward) {
      Comparator<Entry> order =
          Comparator.comparingLong(Entry::start)
              .thenComparing(Entry::key, StoreTestSupport::compareUnsigned)
              .thenComparingLong(Entry::seq);
      List<Entry> out =
          entries.stream()
              .filter(this::live)
              .filter(e -> keyFrom == null || compareUnsigned(e.key, keyFrom) >= 0)
              .filter(e -> keyTo == null || compareUnsigned(e.key, keyTo) <= 0)
              .filter(e -> e.start >= from && e.start <= to)
              .sorted(forward ? order : order.reversed())
              .toList();
      return out;
    }
  }

  sealed interface Op {
    Object onStore(WindowStore<byte[], byte[]> store);

    Object onModel(Model model);
  }

  record Put(byte[] key, byte[] value, long start) implements Op {
    public Object onStore(WindowStore<byte[], byte[]> store) {
      store.put(key, value, start);
      return "ok";
    }

    public Object onModel(Model model) {
      model.put(key, value, start);
      return "ok";
    }

    @Override
    public String toString() {
      return "put(" + hex(key) + ", " + hex(value) + ", " + start + ")";
    }
  }

  record FetchOne(byte[] key, long start) implements Op {
    public Object onStore(WindowStore<byte[], byte[]> store) {
      return hex(store.fetch(key, start));
    }

    public Object onModel(Model model) {
      List<Entry> found = model.query(key, key, start, start, true);
      return hex(found.isEmpty() ? null : found.get(0).value);
    }
  }

  record FetchKey(byte[] key, long from, long to, boolean forward) implements Op {
    public Object onStore(WindowStore<byte[], byte[]> store) {
      return drain(
          forward ? store.fetch(key, from, to) : store.backwardFetch(key, from, to),
          kv -> kv.key() + "=" + hex(kv.value()));
    }

    public Object onModel(Model model) {
      return model.query(key, key, from, to, forward).stream()
          .map(e -> e.start + "=" + hex(e.value))
          .toList();
    }
  }

  /** Key-range fetch, fetchAll (both keys null), or all (also times unbounded). */
  record FetchRange(byte[] keyFrom, byte[] keyTo, long from, long to, boolean forward, boolean all)
      implements Op {
    public Object onStore(WindowStore<byte[], byte[]> store) {
      KeyValueIterator<Windowed<byte[]>, byte[]> it;
      if (all) {
        it = forward ? store.all() : store.backwardAll();
      } else if (keyFrom == null && keyTo == null) {
        it = forward ? store.fetchAll(from, to) : store.backwardFetchAll(from, to);
      } else {
        it =
            forward
                ? store.fetch(keyFrom, keyTo, from, to)
                : store.backwardFetch(keyFrom, keyTo, from, to);
      }
      return drain(it, WindowStorePropertyTest::render);
    }

    public Object onModel(Model model) {
      List<Entry> found =
          all
              ? model.query(null, null, Long.MIN_VALUE, Long.MAX_VALUE, forward)
              : model.query(keyFrom, keyTo, from, to, forward);
      return found.stream().map(Entry::render).toList();
    }
  }

  static String render(KeyValue<Windowed<byte[]>, byte[]> kv) {
    Windowed<byte[]> w = kv.key();
    return hex(w.key())
        + "@"
        + w.window().startMs()
        + "/"
        + w.window().endMs()
        + "="
        + hex(kv.value());
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    return operation().list().ofMaxSize(60);
  }

  /** One random operation. */
  static Arbitrary<Op> operation() {
    Arbitrary<byte[]> keys = StoreTestSupport.keys(2);
    Arbitrary<byte[]> bounds = keys.injectNull(0.2);
    Arbitrary<Long> times = Arbitraries.longs().between(-3, 45);
    Arbitrary<Long> starts = Arbitraries.longs().between(0, 40);
    Arbitrary<Boolean> flag = Arbitraries.of(true, false);
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            Tuple.of(8, Combinators.combine(keys, StoreTestSupport.values(), starts).as(Put::new)),
            Tuple.of(2, Combinators.combine(keys, starts).as(FetchOne::new)),
            Tuple.of(2, Combinators.combine(keys, times, times, flag).as(FetchKey::new)),
            Tuple.of(
                3,
                Combinators.combine(
                        bounds, bounds, times, times, flag, Arbitraries.of(false, false, true))
                    .as(FetchRange::new)));
    return op;
  }

  private static WindowStore<byte[], byte[]> newStore(boolean dups) {
    return Stores.windowStoreBuilder(
            Stores.inMemoryWindowStore(
                "win", Duration.ofMillis(RETENTION), Duration.ofMillis(WINDOW_SIZE), dups),
            Serdes.ByteArray(),
            Serdes.ByteArray())
        .build();
  }

  @Property(tries = 300)
  void behavesLikeTheModelAndItsChangelogRestoresIt(
      @ForAll("operations") List<Op> ops, @ForAll boolean retainDuplicates) {
    Model model = new Model(retainDuplicates);
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      WindowStore<byte[], byte[]> store = newStore(retainDuplicates);
      store.init(context, store);
      for (int i = 0; i < ops.size(); i++) {
        context.setRecordTimestamp(i);
        Op op = ops.get(i);
        assertThat(op.onStore(store)).as("step %d: %s", i, op).isEqualTo(op.onModel(model));
      }
      Op all = new FetchRange(null, null, 0, 0, true, true);
      List<String> expected =
          model.query(null, null, Long.MIN_VALUE, Long.MAX_VALUE, true).stream()
              .map(Entry::render)
              .toList();
      assertThat(all.onStore(store)).isEqualTo(expected);
      assertThat(droppedRecords(context)).isEqualTo((double) model.dropped);

      List<String> logged = new ArrayList<>();
      context
          .compactedChangelog("win")
          .forEach(
              (k, v) -> {
                Entry e =
                    new Entry(
                        WindowKeySchema.key(k.get()).get(),
                        WindowKeySchema.windowStart(k.get()),
                        WindowKeySchema.seq(k.get()),
                        v);
                if (model.live(e)) {
                  logged.add(e.render());
                }
              });
      assertThat(logged)
          .as("live entries of the compacted changelog")
          .containsExactlyInAnyOrderElementsOf(expected);

      try (CapturingStoreContext fresh = new CapturingStoreContext()) {
        WindowStore<byte[], byte[]> restored = newStore(retainDuplicates);
        restored.init(fresh, restored);
        fresh.restore("win", context.changelog("win"));
        assertThat(all.onStore(restored)).as("restored").isEqualTo(expected);
        restored.close();
      }
      store.close();
    }
  }

  static double droppedRecords(CapturingStoreContext context) {
    for (Map.Entry<MetricName, KafkaMetric> e : context.metrics().metrics().entrySet()) {
      MetricName name = e.getKey();
      if (name.name().equals("dropped-records-total")
          && name.tags().get("store-name").equals("win")) {
        return (double) e.getValue().metricValue();
      }
    }
    throw new AssertionError("no dropped-records-total metric for store win");
  }
}
