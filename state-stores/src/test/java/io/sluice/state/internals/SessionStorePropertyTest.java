package io.sluice.state.internals;

import static io.sluice.state.internals.StoreTestSupport.compareUnsigned;
import static io.sluice.state.internals.StoreTestSupport.drain;
import static io.sluice.state.internals.StoreTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.SessionStore;
import io.sluice.state.Stores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Drives the in-memory session store through its full layer stack and a list-based model of {@code
 * findSessions} semantics with retention, comparing every result; then checks the changelog and a
 * restore.
 */
class SessionStorePropertyTest {

  static final long RETENTION = 25;

  record Session(byte[] key, long start, long end, byte[] agg) {
    String render() {
      return hex(key) + "@" + start + "/" + end + "=" + hex(agg);
    }

    boolean same(byte[] k, long s, long e) {
      return Arrays.equals(key, k) && start == s && end == e;
    }
  }

  /** The session store's semantics, written independently as a plain list. */
  static final class Model {
    final List<Session> sessions = new ArrayList<>();
    long streamTime = Long.MIN_VALUE;

    void put(byte[] key, long start, long end, byte[] agg) {
      streamTime = Math.max(streamTime, end);
      if (end <= streamTime - RETENTION) {
        return;
      }
      sessions.removeIf(s -> s.same(key, start, end));
      if (agg != null) {
        sessions.add(new Session(key, start, end, agg));
      }
    }

    boolean live(Session s) {
      return streamTime == Long.MIN_VALUE || s.end > streamTime - RETENTION;
    }

    List<String> find(
        byte[] keyFrom, byte[] keyTo, long earliestEnd, long latestStart, boolean forward) {
      Comparator<Session> order =
          Comparator.comparingLong(Session::end)
              .thenComparing(Session::key, StoreTestSupport::compareUnsigned)
              .thenComparingLong(Session::start);
      return sessions.stream()
          .filter(this::live)
          .filter(s -> keyFrom == null || compareUnsigned(s.key, keyFrom) >= 0)
          .filter(s -> keyTo == null || compareUnsigned(s.key, keyTo) <= 0)
          .filter(s -> s.end >= earliestEnd && s.start <= latestStart)
          .sorted(forward ? order : order.reversed())
          .map(Session::render)
          .toList();
    }
  }

  sealed interface Op {
    Object onStore(SessionStore<byte[], byte[]> store);

    Object onModel(Model model);
  }

  /** put, or remove when {@code agg} is null and {@code viaRemove}. */
  record Put(byte[] key, long start, long length, byte[] agg, boolean viaRemove) implements Op {
    public Object onStore(SessionStore<byte[], byte[]> store) {
      Windowed<byte[]> session = new Windowed<>(key, new Window(start, start + length));
      if (agg == null && viaRemove) {
        store.remove(session);
      } else {
        store.put(session, agg);
      }
      return "ok";
    }

    public Object onModel(Model model) {
      model.put(key, start, start + length, agg);
      return "ok";
    }

    @Override
    public String toString() {
      return "put(" + hex(key) + "@" + start + "/" + (start + length) + ", " + hex(agg) + ")";
    }
  }

  record FetchSession(byte[] key, long start, long end) implements Op {
    public Object onStore(SessionStore<byte[], byte[]> store) {
      return hex(store.fetchSession(key, start, end));
    }

    public Object onModel(Model model) {
      return model.sessions.stream()
          .filter(model::live)
          .filter(s -> s.same(key, start, end))
          .map(s -> hex(s.agg))
          .findFirst()
          .orElse("null");
    }
  }

  /**
   * findSessions for one key (keyTo ignored) or a key range, or fetch (times unbounded), forward or
   * backward.
   */
  record Find(
      byte[] keyFrom,
      byte[] keyTo,
      long earliestEnd,
      long latestStart,
      boolean forward,
      int variant)
      implements Op {
    public Object onStore(SessionStore<byte[], byte[]> store) {
      KeyValueIterator<Windowed<byte[]>, byte[]> it =
          switch (variant) {
            case 0 ->
                forward
                    ? store.findSessions(keyFrom, earliestEnd, latestStart)
                    : store.backwardFindSessions(keyFrom, earliestEnd, latestStart);
            case 1 ->
                forward
                    ? store.findSessions(keyFrom, keyTo, earliestEnd, latestStart)
                    : store.backwardFindSessions(keyFrom, keyTo, earliestEnd, latestStart);
            case 2 -> forward ? store.fetch(keyFrom) : store.backwardFetch(keyFrom);
            default -> forward ? store.fetch(keyFrom, keyTo) : store.backwardFetch(keyFrom, keyTo);
          };
      return drain(it, SessionStorePropertyTest::render);
    }

    public Object onModel(Model model) {
      return switch (variant) {
        case 0 -> model.find(keyFrom, keyFrom, earliestEnd, latestStart, forward);
        case 1 -> model.find(keyFrom, keyTo, earliestEnd, latestStart, forward);
        case 2 -> model.find(keyFrom, keyFrom, Long.MIN_VALUE, Long.MAX_VALUE, forward);
        default -> model.find(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE, forward);
      };
    }

    @Override
    public String toString() {
      return "find#"
          + variant
          + "("
          + hex(keyFrom)
          + ", "
          + hex(keyTo)
          + ", end>="
          + earliestEnd
          + ", start<="
          + latestStart
          + (forward ? "" : ", backward")
          + ")";
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
    Arbitrary<Long> starts = Arbitraries.longs().between(0, 40);
    Arbitrary<Long> times = Arbitraries.longs().between(-3, 55);
    Arbitrary<Boolean> flag = Arbitraries.of(true, false);
    Arbitrary<Op> find =
        Combinators.combine(keys, keys, times, times, flag, Arbitraries.integers().between(0, 3))
            .as(
                (kf, kt, e, s, f, v) ->
                    new Find(v == 0 || v == 2 ? kf : nullSometimes(kf, e), kt, e, s, f, v));
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            Tuple.of(
                8,
                Combinators.combine(
                        keys,
                        starts,
                        Arbitraries.longs().between(0, 8),
                        StoreTestSupport.values(),
                        flag)
                    .as(Put::new)),
            Tuple.of(
                2,
                Combinators.combine(keys, starts, Arbitraries.longs().between(0, 8))
                    .as((k, s, l) -> new FetchSession(k, s, s + l))),
            Tuple.of(4, find));
    return op;
  }

  /** An unbounded lower key bound now and then, for the key-range variants. */
  private static byte[] nullSometimes(byte[] key, long seed) {
    return seed % 5 == 0 ? null : key;
  }

  private static SessionStore<byte[], byte[]> newStore() {
    return Stores.sessionStoreBuilder(
            Stores.inMemorySessionStore("sess", Duration.ofMillis(RETENTION)),
            Serdes.ByteArray(),
            Serdes.ByteArray())
        .build();
  }

  @Property(tries = 300)
  void behavesLikeTheModelAndItsChangelogRestoresIt(@ForAll("operations") List<Op> ops) {
    Model model = new Model();
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      SessionStore<byte[], byte[]> store = newStore();
      store.init(context, store);
      for (int i = 0; i < ops.size(); i++) {
        context.setRecordTimestamp(i);
        Op op = ops.get(i);
        assertThat(op.onStore(store)).as("step %d: %s", i, op).isEqualTo(op.onModel(model));
      }
      List<String> expected = model.find(null, null, Long.MIN_VALUE, Long.MAX_VALUE, true);
      assertThat(drain(store.fetch(null, null), SessionStorePropertyTest::render))
          .isEqualTo(expected);

      List<String> logged = new ArrayList<>();
      context
          .compactedChangelog("sess")
          .forEach(
              (k, v) -> {
                Session s =
                    new Session(
                        SessionKeySchema.key(k.get()).get(),
                        SessionKeySchema.start(k.get()),
                        SessionKeySchema.end(k.get()),
                        v);
                if (model.live(s)) {
                  logged.add(s.render());
                }
              });
      assertThat(logged)
          .as("live entries of the compacted changelog")
          .containsExactlyInAnyOrderElementsOf(expected);

      try (CapturingStoreContext fresh = new CapturingStoreContext()) {
        SessionStore<byte[], byte[]> restored = newStore();
        restored.init(fresh, restored);
        fresh.restore("sess", context.changelog("sess"));
        assertThat(drain(restored.fetch(null, null), SessionStorePropertyTest::render))
            .as("restored")
            .isEqualTo(expected);
        restored.close();
      }
      store.close();
    }
  }
}
