package io.sluice.state.internals;

import static io.sluice.state.internals.StoreTestSupport.compareUnsigned;
import static io.sluice.state.internals.StoreTestSupport.drain;
import static io.sluice.state.internals.StoreTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * Drives a key-value store built with a ttl (in-memory or RocksDB, caching on or off) and an
 * independent model — a sorted map of values with their write times and the rule "expired once
 * stream time is more than the ttl past the write" — with the same random writes, reads, scans and
 * stream-time advances. Checks every read, the compacted changelog and the state downstream after
 * each flush, and that a restore from the changelog into a fresh store equals the model.
 *
 * <p>Downstream is rebuilt the way a DSL table forwards: with caching, from the flush listener
 * alone; without caching, from the table's own writes (the written key with what it holds after
 * the write: a write already expired on arrival forwards a tombstone) plus the expiries the
 * listener reports.
 */
class TtlKeyValueStorePropertyTest {

  private static final long TTL = 100;
  private static final Serializer<byte[]> BYTES = Serdes.ByteArray().serializer();

  /** A value and the stream-time instant of its last write. */
  record Written(byte[] value, long writeTime) {}

  /** The model: live-or-expired entries by unsigned key order, and stream time. */
  static final class Model {
    final TreeMap<byte[], Written> entries = new TreeMap<>(StoreTestSupport::compareUnsigned);
    long streamTime;

    boolean expired(Written w) {
      return streamTime - w.writeTime() > TTL;
    }

    byte[] live(byte[] key) {
      Written w = entries.get(key);
      return w == null || expired(w) ? null : w.value();
    }

    void write(byte[] key, byte[] value, long writeTime) {
      if (value == null) {
        entries.remove(key);
      } else {
        entries.put(key, new Written(value, writeTime));
      }
    }

    List<String> liveEntries(byte[] from, byte[] to, boolean reverse) {
      List<String> out = new ArrayList<>();
      for (Map.Entry<byte[], Written> e : entries.entrySet()) {
        boolean inRange = (from == null || compareUnsigned(e.getKey(), from) >= 0)
            && (to == null || compareUnsigned(e.getKey(), to) <= 0);
        if (inRange && !expired(e.getValue())) {
          out.add(hex(e.getKey()) + "=" + hex(e.getValue().value()));
        }
      }
      if (reverse) {
        java.util.Collections.reverse(out);
      }
      return out;
    }
  }

  /** One step of a run. */
  sealed interface Op {}

  /** A put at {@code lag} ms before stream time (a late record when positive). */
  record Put(byte[] key, byte[] value, long lag) implements Op {}

  record PutIfAbsent(byte[] key, byte[] value, long lag) implements Op {}

  record Delete(byte[] key) implements Op {}

  record Get(byte[] key) implements Op {}

  record Range(byte[] from, byte[] to, boolean reverse) implements Op {}

  record PrefixScan(byte[] prefix) implements Op {}

  /** Stream time moves ahead by {@code ms}. */
  record Advance(long ms) implements Op {}

  /** The task commits: the store flushes. */
  record Flush() implements Op {}

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<byte[]> keys = StoreTestSupport.keys(2);
    Arbitrary<byte[]> bounds = keys.injectNull(0.2);
    Arbitrary<byte[]> values = StoreTestSupport.values();
    Arbitrary<Long> lags = Arbitraries.longs().between(0, 2 * TTL);
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        Tuple.of(6, Combinators.combine(keys, values, lags.map(l -> l % 3 == 0 ? l : 0))
            .as(Put::new)),
        Tuple.of(2, Combinators.combine(keys, values, lags.map(l -> l % 5 == 0 ? l : 0))
            .as(PutIfAbsent::new)),
        Tuple.of(2, keys.map(Delete::new)),
        Tuple.of(3, keys.map(Get::new)),
        Tuple.of(3, Combinators.combine(bounds, bounds, Arbitraries.of(true, false))
            .as(Range::new)),
        Tuple.of(1, StoreTestSupport.keys(1).map(PrefixScan::new)),
        Tuple.of(4, Arbitraries.longs().between(0, 3 * TTL / 2).map(Advance::new)),
        Tuple.of(2, Arbitraries.just(new Flush())));
    return op.list().ofMaxSize(60);
  }

  private static KeyValueStore<byte[], byte[]> newStore(boolean persistent, boolean caching) {
    var builder = Stores.keyValueStoreBuilder(
            persistent ? Stores.persistentKeyValueStore("kv") : Stores.inMemoryKeyValueStore("kv"),
            Serdes.ByteArray(), Serdes.ByteArray())
        .withTtl(Duration.ofMillis(TTL));
    return caching ? builder.withCachingEnabled().build() : builder.build();
  }

  @Property(tries = 100)
  void expiresLikeTheModelAndItsChangelogRestoresTheLiveEntries(
      @ForAll("operations") List<Op> ops,
      @ForAll boolean persistent,
      @ForAll boolean caching,
      @ForAll boolean smallCache) {
    Model model = new Model();
    TreeMap<Bytes, byte[]> downstream = new TreeMap<>();
    try (CapturingStoreContext context = new CapturingStoreContext();
        Metrics metrics = new Metrics();
        ThreadCache cache = new ThreadCache(smallCache ? 200 : 1 << 20, metrics, "t")) {
      if (caching) {
        context.setCache(cache);
      }
      context.setStreamTime(0);
      KeyValueStore<byte[], byte[]> store = newStore(persistent, caching);
      store.init(context, store);
      boolean caches = ((MeteredKeyValueStore<byte[], byte[]>) store).setFlushListener(
          (k, n, o, ts) -> {
            if (n == null) {
              downstream.remove(Bytes.wrap(k));
            } else {
              downstream.put(Bytes.wrap(k), n);
            }
          },
          false);
      assertThat(caches).isEqualTo(caching);
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        context.setRecordTimestamp(model.streamTime);
        Object answer = apply(op, store, model, context);
        Object expected = apply(op, model);
        assertThat(answer).as("step %d: %s", i, op).isEqualTo(expected);
        if (!caching) {
          forwardOwnWrite(op, expected, model, downstream);
        }
        if (op instanceof Flush) {
          assertThat(changelogView(context.compactedChangelog("kv")))
              .as("compacted changelog after the flush of step %d", i)
              .isEqualTo(modelWithTimes(model));
          assertThat(render(downstream)).as("forwarded state after step %d", i)
              .isEqualTo(model.liveEntries(null, null, false));
        }
      }
      context.setRecordContext(null);
      store.flush();
      assertThat(changelogView(context.compactedChangelog("kv"))).isEqualTo(modelWithTimes(model));
      assertThat(render(downstream)).as("forwarded state at the end")
          .isEqualTo(model.liveEntries(null, null, false));
      List<CapturingStoreContext.Change> changelog = context.changelog("kv");
      store.close();

      try (CapturingStoreContext fresh = new CapturingStoreContext();
          ThreadCache freshCache = new ThreadCache(1 << 20, metrics, "t2")) {
        if (caching) {
          fresh.setCache(freshCache);
        }
        fresh.setStreamTime(model.streamTime);
        KeyValueStore<byte[], byte[]> restored = newStore(persistent, caching);
        restored.init(fresh, restored);
        fresh.restore("kv", changelog);
        assertThat(drain(restored.all(), TtlKeyValueStorePropertyTest::render))
            .as("restored store").isEqualTo(model.liveEntries(null, null, false));
        TimeToLiveKeyValueStore ttl = (TimeToLiveKeyValueStore)
            ((MeteredKeyValueStore<byte[], byte[]>) restored).wrapped();
        assertThat(ttl.index().size()).as("entries restored")
            .isEqualTo(model.liveEntries(null, null, false).size());
        restored.close();
      }
    }
  }

  private static Object apply(
      Op op, KeyValueStore<byte[], byte[]> store, Model model, CapturingStoreContext context) {
    if (op instanceof Put put) {
      context.setRecordTimestamp(model.streamTime - put.lag());
      store.put(put.key(), put.value());
      return null;
    }
    if (op instanceof PutIfAbsent pia) {
      context.setRecordTimestamp(model.streamTime - pia.lag());
      return hex(store.putIfAbsent(pia.key(), pia.value()));
    }
    if (op instanceof Delete delete) {
      return hex(store.delete(delete.key()));
    }
    if (op instanceof Get get) {
      return hex(store.get(get.key()));
    }
    if (op instanceof Range range) {
      KeyValueIterator<byte[], byte[]> it;
      if (range.from() == null && range.to() == null) {
        it = range.reverse() ? store.reverseAll() : store.all();
      } else {
        it = range.reverse()
            ? store.reverseRange(range.from(), range.to())
            : store.range(range.from(), range.to());
      }
      return drain(it, TtlKeyValueStorePropertyTest::render);
    }
    if (op instanceof PrefixScan scan) {
      return drain(store.prefixScan(scan.prefix(), BYTES), TtlKeyValueStorePropertyTest::render);
    }
    if (op instanceof Advance advance) {
      context.setStreamTime(model.streamTime + advance.ms());
      return null;
    }
    context.setRecordContext(null);
    store.flush();
    return null;
  }

  /** The model's answer; applied after the store's, so it sees the same stream time. */
  private static Object apply(Op op, Model model) {
    if (op instanceof Put put) {
      model.write(put.key(), put.value(), model.streamTime - put.lag());
      return null;
    }
    if (op instanceof PutIfAbsent pia) {
      byte[] existing = model.live(pia.key());
      if (existing == null && pia.value() != null) {
        model.write(pia.key(), pia.value(), model.streamTime - pia.lag());
      }
      return hex(existing);
    }
    if (op instanceof Delete delete) {
      byte[] old = model.live(delete.key());
      model.entries.remove(delete.key());
      return hex(old);
    }
    if (op instanceof Get get) {
      return hex(model.live(get.key()));
    }
    if (op instanceof Range range) {
      if (range.from() != null && range.to() != null
          && compareUnsigned(range.from(), range.to()) > 0) {
        return List.of();
      }
      return model.liveEntries(range.from(), range.to(), range.reverse());
    }
    if (op instanceof PrefixScan scan) {
      List<String> out = new ArrayList<>();
      for (String entry : model.liveEntries(null, null, false)) {
        if (entry.startsWith(hex(scan.prefix()).replace("]", ""))) {
          out.add(entry);
        }
      }
      return out;
    }
    if (op instanceof Advance advance) {
      model.streamTime += advance.ms();
    }
    return null;
  }

  /**
   * What a DSL table without caching forwards for its own write {@code op}, already applied to
   * {@code model}: the written key with its live value, or a tombstone. {@code answer} is the
   * model's answer, {@code hex(null)} when a put-if-absent found no value; one that found a value
   * writes nothing and forwards nothing.
   */
  private static void forwardOwnWrite(
      Op op, Object answer, Model model, TreeMap<Bytes, byte[]> downstream) {
    byte[] key;
    if (op instanceof Put put) {
      key = put.key();
    } else if (op instanceof PutIfAbsent pia && hex(null).equals(answer)) {
      key = pia.key();
    } else if (op instanceof Delete delete) {
      key = delete.key();
    } else {
      return;
    }
    byte[] live = model.live(key);
    if (live == null) {
      downstream.remove(Bytes.wrap(key));
    } else {
      downstream.put(Bytes.wrap(key), live);
    }
  }

  /** The compacted changelog as {@code key=value@writeTime}, the header decoded. */
  private static List<String> changelogView(TreeMap<Bytes, byte[]> compacted) {
    List<String> out = new ArrayList<>();
    compacted.forEach((k, v) -> out.add(hex(k.get()) + "="
        + hex(Arrays.copyOfRange(v, Long.BYTES, v.length)) + "@" + ByteBuffer.wrap(v).getLong()));
    return out;
  }

  private static List<String> modelWithTimes(Model model) {
    List<String> out = new ArrayList<>();
    model.entries.forEach((k, w) -> {
      if (!model.expired(w)) {
        out.add(hex(k) + "=" + hex(w.value()) + "@" + w.writeTime());
      }
    });
    return out;
  }

  private static List<String> render(TreeMap<Bytes, byte[]> map) {
    List<String> out = new ArrayList<>();
    map.forEach((k, v) -> out.add(hex(k.get()) + "=" + hex(v)));
    return out;
  }

  private static String render(KeyValue<byte[], byte[]> kv) {
    return hex(kv.key()) + "=" + hex(kv.value());
  }
}
