package io.sluice.state.internals;

import static io.sluice.state.internals.StoreTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.serdes.Windowed;
import io.sluice.state.Stores;
import io.sluice.state.WindowStore;
import io.sluice.state.internals.WindowStorePropertyTest.Entry;
import io.sluice.state.internals.WindowStorePropertyTest.FetchRange;
import io.sluice.state.internals.WindowStorePropertyTest.Model;
import io.sluice.state.internals.WindowStorePropertyTest.Op;
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
 * Drives metered → caching → changelogging → window store (in-memory or RocksDB) and the window
 * model of {@link WindowStorePropertyTest} with the same random operations, random commit points
 * and cache sizes from "nothing fits" to "nothing is evicted"; checks every read, the changelog
 * after each flush, the dropped-records count, the flushed updates, and a restore.
 */
class CachingWindowStorePropertyTest {

  record Step(Op op, boolean flushAfter) {
    @Override
    public String toString() {
      return op + (flushAfter ? "; flush" : "");
    }
  }

  record Forward(String key, long start, String newValue, String oldValue, long timestamp) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(WindowStorePropertyTest.operation(), Arbitraries.integers()
            .between(0, 7))
        .as((op, r) -> new Step(op, r == 0))
        .list()
        .ofMaxSize(50);
  }

  @Provide
  Arbitrary<Long> cacheSizes() {
    return Arbitraries.of(0L, 150L, 400L, 1500L, 1L << 20);
  }

  private static WindowStore<byte[], byte[]> newStore(boolean caching, boolean persistent) {
    Duration retention = Duration.ofMillis(WindowStorePropertyTest.RETENTION);
    Duration size = Duration.ofMillis(WindowStorePropertyTest.WINDOW_SIZE);
    var builder =
        Stores.windowStoreBuilder(
            persistent
                ? Stores.persistentWindowStore("win", retention, size, false)
                : Stores.inMemoryWindowStore("win", retention, size, false),
            Serdes.ByteArray(),
            Serdes.ByteArray());
    return (caching ? builder.withCachingEnabled() : builder).build();
  }

  @Property(tries = 200)
  void cachedWindowStoreBehavesLikeTheModel(
      @ForAll("steps") List<Step> steps,
      @ForAll("cacheSizes") long cacheBytes,
      @ForAll boolean persistent) {
    Model model = new Model(false);
    Op all = new FetchRange(null, null, 0, 0, true, true);
    try (CapturingStoreContext context = new CapturingStoreContext();
        Metrics metrics = new Metrics();
        ThreadCache cache = new ThreadCache(cacheBytes, metrics, "t")) {
      context.setCache(cache);
      WindowStore<byte[], byte[]> store = newStore(true, persistent);
      store.init(context, store);
      List<Forward> forwards = new ArrayList<>();
      boolean caches =
          ((MeteredWindowStore<byte[], byte[]>) store)
              .setFlushListener(
                  (Windowed<byte[]> k, byte[] n, byte[] o, long ts) ->
                      forwards.add(
                          new Forward(hex(k.key()), k.window().startMs(), hex(n), hex(o), ts)),
                  true);
      assertThat(caches).isTrue();
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        context.setRecordContext(
            new ProcessorRecordContext(i, i, 1, "in", new RecordHeaders()));
        Object expected = step.op().onModel(model);
        assertThat(step.op().onStore(store)).as("step %d: %s", i, step).isEqualTo(expected);
        if (step.flushAfter()) {
          store.flush();
          assertThat(liveLogged(context, model))
              .as("live entries of the compacted changelog after step %d", i)
              .containsExactlyInAnyOrderElementsOf(rendered(model));
        }
      }
      store.flush();
      assertThat(all.onStore(store)).isEqualTo(rendered(model));
      assertThat(liveLogged(context, model)).containsExactlyInAnyOrderElementsOf(rendered(model));
      assertThat(WindowStorePropertyTest.droppedRecords(context))
          .isEqualTo((double) model.dropped);
      assertThat(forwards).isEqualTo(expectedForwards(context.changelog("win")));
      assertThat(cache.sizeBytes()).isLessThanOrEqualTo(cacheBytes);

      try (CapturingStoreContext fresh = new CapturingStoreContext()) {
        WindowStore<byte[], byte[]> restored = newStore(false, false);
        restored.init(fresh, restored);
        fresh.restore("win", context.changelog("win"));
        assertThat(all.onStore(restored)).as("restored").isEqualTo(rendered(model));
        restored.close();
      }
      store.close();
      assertThat(cache.entries()).isZero();
    }
  }

  private static List<String> rendered(Model model) {
    return model.query(null, null, Long.MIN_VALUE, Long.MAX_VALUE, true).stream()
        .map(Entry::render)
        .toList();
  }

  private static List<String> liveLogged(CapturingStoreContext context, Model model) {
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
    return logged;
  }

  /** What the listener must have seen: each stored change with the value it replaced. */
  private static List<Forward> expectedForwards(List<CapturingStoreContext.Change> changelog) {
    Map<Bytes, byte[]> state = new HashMap<>();
    List<Forward> expected = new ArrayList<>();
    long streamTime = Long.MIN_VALUE;
    for (CapturingStoreContext.Change change : changelog) {
      long start = WindowKeySchema.windowStart(change.key().get());
      streamTime = Math.max(streamTime, start);
      if (start <= streamTime - WindowStorePropertyTest.RETENTION) {
        continue; // a put into an expired window: logged, dropped by the store, not forwarded
      }
      byte[] old =
          change.value() == null
              ? state.remove(change.key())
              : state.put(change.key(), change.value());
      if (old != null || change.value() != null) {
        byte[] storeKey = change.key().get();
        expected.add(
            new Forward(
                hex(WindowKeySchema.key(storeKey).get()),
                WindowKeySchema.windowStart(storeKey),
                hex(change.value()),
                hex(old),
                change.timestamp()));
      }
    }
    return expected;
  }
}
