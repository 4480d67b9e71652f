package io.sluice.state.internals;

import static io.sluice.state.internals.StoreTestSupport.drain;
import static io.sluice.state.internals.StoreTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.serdes.Windowed;
import io.sluice.state.SessionStore;
import io.sluice.state.Stores;
import io.sluice.state.internals.SessionStorePropertyTest.Model;
import io.sluice.state.internals.SessionStorePropertyTest.Op;
import io.sluice.state.internals.SessionStorePropertyTest.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * Drives metered → caching → changelogging → session store (in-memory or RocksDB) and the session
 * model of {@link SessionStorePropertyTest} with the same random operations, random commit points
 * and cache sizes from "nothing fits" to "nothing is evicted"; checks every read, the changelog
 * after each flush, the flushed updates, and a restore.
 */
class CachingSessionStorePropertyTest {

  record Step(Op op, boolean flushAfter) {
    @Override
    public String toString() {
      return op + (flushAfter ? "; flush" : "");
    }
  }

  record Forward(String session, String newValue, String oldValue, long timestamp) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(
            SessionStorePropertyTest.operation(), Arbitraries.integers().between(0, 7))
        .as((op, r) -> new Step(op, r == 0))
        .list()
        .ofMaxSize(50);
  }

  @Provide
  Arbitrary<Long> cacheSizes() {
    return Arbitraries.of(0L, 150L, 400L, 1500L, 1L << 20);
  }

  private static SessionStore<byte[], byte[]> newStore(boolean caching, boolean persistent) {
    Duration retention = Duration.ofMillis(SessionStorePropertyTest.RETENTION);
    var builder =
        Stores.sessionStoreBuilder(
            persistent
                ? Stores.persistentSessionStore("sess", retention)
                : Stores.inMemorySessionStore("sess", retention),
            Serdes.ByteArray(),
            Serdes.ByteArray());
    return (caching ? builder.withCachingEnabled() : builder).build();
  }

  @Property(tries = 200)
  void cachedSessionStoreBehavesLikeTheModel(
      @ForAll("steps") List<Step> steps,
      @ForAll("cacheSizes") long cacheBytes,
      @ForAll boolean persistent) {
    Model model = new Model();
    try (CapturingStoreContext context = new CapturingStoreContext();
        Metrics metrics = new Metrics();
        ThreadCache cache = new ThreadCache(cacheBytes, metrics, "t")) {
      context.setCache(cache);
      SessionStore<byte[], byte[]> store = newStore(true, persistent);
      store.init(context, store);
      List<Forward> forwards = new ArrayList<>();
      boolean caches =
          ((MeteredSessionStore<byte[], byte[]>) store)
              .setFlushListener(
                  (Windowed<byte[]> k, byte[] n, byte[] o, long ts) ->
                      forwards.add(new Forward(render(k), hex(n), hex(o), ts)),
                  true);
      assertThat(caches).isTrue();
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        context.setRecordContext(new ProcessorRecordContext(i, i, 1, "in", new RecordHeaders()));
        Object expected = step.op().onModel(model);
        assertThat(step.op().onStore(store)).as("step %d: %s", i, step).isEqualTo(expected);
        if (step.flushAfter()) {
          store.flush();
          assertThat(liveLogged(context, model))
              .as("live sessions of the compacted changelog after step %d", i)
              .containsExactlyInAnyOrderElementsOf(everything(model));
        }
      }
      store.flush();
      assertThat(drain(store.fetch(null, null), SessionStorePropertyTest::render))
          .isEqualTo(everything(model));
      assertThat(liveLogged(context, model)).containsExactlyInAnyOrderElementsOf(everything(model));
      assertThat(forwards).isEqualTo(expectedForwards(context.changelog("sess")));
      assertThat(cache.sizeBytes()).isLessThanOrEqualTo(cacheBytes);

      try (CapturingStoreContext fresh = new CapturingStoreContext()) {
        SessionStore<byte[], byte[]> restored = newStore(false, false);
        restored.init(fresh, restored);
        fresh.restore("sess", context.changelog("sess"));
        assertThat(drain(restored.fetch(null, null), SessionStorePropertyTest::render))
            .as("restored")
            .isEqualTo(everything(model));
        restored.close();
      }
      store.close();
      assertThat(cache.entries()).isZero();
    }
  }

  private static String render(Windowed<byte[]> session) {
    return hex(session.key()) + "@" + session.window().startMs() + "/" + session.window().endMs();
  }

  private static List<String> everything(Model model) {
    return model.find(null, null, Long.MIN_VALUE, Long.MAX_VALUE, true);
  }

  private static List<String> liveLogged(CapturingStoreContext context, Model model) {
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
    return logged;
  }

  /** What the listener must have seen: each stored change with the value it replaced. */
  private static List<Forward> expectedForwards(List<CapturingStoreContext.Change> changelog) {
    Map<Bytes, byte[]> state = new HashMap<>();
    List<Forward> expected = new ArrayList<>();
    long streamTime = Long.MIN_VALUE;
    for (CapturingStoreContext.Change change : changelog) {
      byte[] storeKey = change.key().get();
      long end = SessionKeySchema.end(storeKey);
      streamTime = Math.max(streamTime, end);
      if (end <= streamTime - SessionStorePropertyTest.RETENTION) {
        continue; // a put of an expired session: logged, dropped by the store, not forwarded
      }
      byte[] old =
          change.value() == null
              ? state.remove(change.key())
              : state.put(change.key(), change.value());
      if (old != null || change.value() != null) {
        expected.add(
            new Forward(
                hex(SessionKeySchema.key(storeKey).get())
                    + "@"
                    + SessionKeySchema.start(storeKey)
                    + "/"
                    + end,
                hex(change.value()),
                hex(old),
                change.timestamp()));
      }
    }
    return expected;
  }
}
