package io.sluice.state.internals;

import static io.sluice.state.internals.StoreTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import io.sluice.state.internals.KeyValueStorePropertyTest.Delete;
import io.sluice.state.internals.KeyValueStorePropertyTest.Op;
import io.sluice.state.internals.KeyValueStorePropertyTest.Put;
import io.sluice.state.internals.KeyValueStorePropertyTest.PutAll;
import io.sluice.state.internals.KeyValueStorePropertyTest.PutIfAbsent;
import io.sluice.state.internals.KeyValueStorePropertyTest.Range;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * Drives metered → caching → changelogging → bytes (in-memory or RocksDB) and the sorted-map
 * model of {@link KeyValueStorePropertyTest} with the same random operations and random commit points,
 * under cache sizes from "nothing fits" to "nothing is evicted". Checks every read and iterator
 * against the model, every flushed update against the changelog, and that a dirty close loses
 * exactly the unflushed writes.
 */
class CachingKeyValueStorePropertyTest {

  /** One step: an operation, then maybe a commit (flush). */
  record Step(Op op, boolean flushAfter) {
    @Override
    public String toString() {
      return op + (flushAfter ? "; flush" : "");
    }
  }

  /** One update reported to the flush listener, with the record context's timestamp. */
  record Forward(String key, String newValue, String oldValue, long timestamp, long offset) {}

  /** A cache that never evicts in these runs: the strict one-record-per-key checks apply. */
  private static final long BIG = 1L << 20;

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(
            KeyValueStorePropertyTest.operation(false), Arbitraries.integers().between(0, 7))
        .as((op, r) -> new Step(op, r == 0))
        .list()
        .ofMaxSize(50);
  }

  @Provide
  Arbitrary<Long> cacheSizes() {
    return Arbitraries.of(0L, 150L, 400L, 1500L, BIG);
  }

  @Property(tries = 200)
  void cachedStoreBehavesLikeTheModelAndFlushesOneUpdatePerKey(
      @ForAll("steps") List<Step> steps,
      @ForAll("cacheSizes") long cacheBytes,
      @ForAll boolean persistent) {
    TreeMap<byte[], byte[]> model = new TreeMap<>(StoreTestSupport::compareUnsigned);
    Map<Bytes, byte[]> flushedModel = new HashMap<>();
    try (CapturingStoreContext context = new CapturingStoreContext();
        Metrics metrics = new Metrics();
        ThreadCache cache = new ThreadCache(cacheBytes, metrics, "t")) {
      context.setCache(cache);
      KeyValueStore<byte[], byte[]> store =
          Stores.keyValueStoreBuilder(
                  persistent
                      ? Stores.persistentKeyValueStore("kv")
                      : Stores.inMemoryKeyValueStore("kv"),
                  Serdes.ByteArray(),
                  Serdes.ByteArray())
              .withCachingEnabled()
              .build();
      store.init(context, store);
      List<Forward> forwards = new ArrayList<>();
      boolean caches =
          ((MeteredKeyValueStore<byte[], byte[]>) store)
              .setFlushListener(
                  (k, n, o, ts) ->
                      forwards.add(
                          new Forward(hex(k), hex(n), hex(o), ts,
                              context.recordContext().offset())),
                  true);
      assertThat(caches).isTrue();

      Map<Bytes, Long> lastWrite = new HashMap<>();
      int flushedChanges = 0;
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        context.setRecordContext(new ProcessorRecordContext(i, 1000 + i, 1, "in",
            new RecordHeaders()));
        for (byte[] written : writtenKeys(step.op(), model)) {
          lastWrite.put(Bytes.wrap(written), (long) i);
        }
        Object expected = step.op().onModel(model);
        assertThat(step.op().onStore(store)).as("step %d: %s", i, step).isEqualTo(expected);
        if (step.flushAfter()) {
          context.setRecordContext(null);
          store.flush();
          assertThat(render(context.compactedChangelog("kv")))
              .as("compacted changelog after the flush of step %d", i)
              .isEqualTo(new Range(null, null, false).onModel(model));
          List<CapturingStoreContext.Change> log = context.changelog("kv");
          if (cacheBytes == BIG) {
            assertOneChangePerWrittenKey(log.subList(flushedChanges, log.size()), lastWrite);
          }
          flushedChanges = log.size();
          lastWrite.clear();
        }
      }
      assertThat(forwards).as("flushed updates = changelog replay").isEqualTo(
          expectedForwards(context.changelog("kv"), flushedModel));
      if (cacheBytes == BIG) {
        assertThat(cache.evictions()).isZero();
      }
      assertThat(cache.sizeBytes()).isLessThanOrEqualTo(cacheBytes);

      // A dirty close: nothing since the last flush reaches the changelog.
      context.setRecordContext(null);
      store.flush();
      int logged = context.changelog("kv").size();
      context.setRecordTimestamp(steps.size());
      store.put(new byte[] {1}, new byte[] {1});
      store.delete(new byte[] {2});
      if (cacheBytes == BIG) {
        store.close();
        assertThat(context.changelog("kv")).hasSize(logged);
        assertThat(cache.entries()).isZero();
      } else {
        store.close();
      }
    }
  }

  private static List<byte[]> writtenKeys(Op op, TreeMap<byte[], byte[]> model) {
    if (op instanceof Put put) {
      return List.of(put.key());
    }
    if (op instanceof Delete delete) {
      return List.of(delete.key());
    }
    if (op instanceof PutAll putAll) {
      return putAll.keys();
    }
    if (op instanceof PutIfAbsent pia && pia.value() != null && !model.containsKey(pia.key())) {
      return List.of(pia.key());
    }
    return List.of();
  }

  private static void assertOneChangePerWrittenKey(
      List<CapturingStoreContext.Change> flushed, Map<Bytes, Long> lastWrite) {
    Set<Bytes> seen = new HashSet<>();
    for (CapturingStoreContext.Change change : flushed) {
      assertThat(seen.add(change.key())).as("one change of %s per flush", change.key()).isTrue();
      assertThat(change.timestamp())
          .as("timestamp of the last write of %s", change.key())
          .isEqualTo(lastWrite.get(change.key()));
    }
    assertThat(seen).isEqualTo(lastWrite.keySet());
  }

  /** What the listener must have seen: each change with the value it replaced, unless both null. */
  private static List<Forward> expectedForwards(
      List<CapturingStoreContext.Change> changelog, Map<Bytes, byte[]> state) {
    List<Forward> expected = new ArrayList<>();
    for (CapturingStoreContext.Change change : changelog) {
      byte[] old = change.value() == null
          ? state.remove(change.key())
          : state.put(change.key(), change.value());
      if (old != null || change.value() != null) {
        expected.add(new Forward(hex(change.key().get()), hex(change.value()), hex(old),
            change.timestamp(), 1000 + change.timestamp()));
      }
    }
    return expected;
  }

  private static List<String> render(TreeMap<Bytes, byte[]> compacted) {
    List<String> out = new ArrayList<>();
    compacted.forEach((k, v) -> out.add(hex(k.get()) + "=" + hex(v)));
    return out;
  }
}
