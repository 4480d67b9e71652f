package io.sluice.state.internals;

import static io.sluice.state.internals.StoreTestSupport.compareUnsigned;
import static io.sluice.state.internals.StoreTestSupport.drain;
import static io.sluice.state.internals.StoreTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Drives the in-memory key-value store through its full layer stack (metered, changelogging, bytes)
 * and a {@link TreeMap} ordered by unsigned bytes with the same random operations, and checks every
 * result, the compacted changelog, and a restore from the changelog.
 */
class KeyValueStorePropertyTest {

  private static final Serializer<byte[]> BYTES = Serdes.ByteArray().serializer();
  private static final Comparator<byte[]> UNSIGNED = StoreTestSupport::compareUnsigned;

  /** One operation, applied to the store and to the model, each giving a comparable result. */
  sealed interface Op {
    Object onStore(KeyValueStore<byte[], byte[]> store);

    Object onModel(TreeMap<byte[], byte[]> model);
  }

  record Put(byte[] key, byte[] value) implements Op {
    public Object onStore(KeyValueStore<byte[], byte[]> store) {
      store.put(key, value);
      return "ok";
    }

    public Object onModel(TreeMap<byte[], byte[]> model) {
      write(model, key, value);
      return "ok";
    }

    @Override
    public String toString() {
      return "put(" + hex(key) + ", " + hex(value) + ")";
    }
  }

  record PutIfAbsent(byte[] key, byte[] value) implements Op {
    public Object onStore(KeyValueStore<byte[], byte[]> store) {
      return hex(store.putIfAbsent(key, value));
    }

    public Object onModel(TreeMap<byte[], byte[]> model) {
      byte[] existing = model.get(key);
      if (existing == null) {
        write(model, key, value);
      }
      return hex(existing);
    }

    @Override
    public String toString() {
      return "putIfAbsent(" + hex(key) + ", " + hex(value) + ")";
    }
  }

  record PutAll(List<byte[]> keys, List<byte[]> values) implements Op {
    public Object onStore(KeyValueStore<byte[], byte[]> store) {
      List<KeyValue<byte[], byte[]>> entries = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        entries.add(KeyValue.pair(keys.get(i), values.get(i % values.size())));
      }
      store.putAll(entries);
      return "ok";
    }

    public Object onModel(TreeMap<byte[], byte[]> model) {
      for (int i = 0; i < keys.size(); i++) {
        write(model, keys.get(i), values.get(i % values.size()));
      }
      return "ok";
    }

    @Override
    public String toString() {
      return "putAll(" + keys.stream().map(StoreTestSupport::hex).toList() + ")";
    }
  }

  record Delete(byte[] key) implements Op {
    public Object onStore(KeyValueStore<byte[], byte[]> store) {
      return hex(store.delete(key));
    }

    public Object onModel(TreeMap<byte[], byte[]> model) {
      return hex(model.remove(key));
    }

    @Override
    public String toString() {
      return "delete(" + hex(key) + ")";
    }
  }

  record Get(byte[] key) implements Op {
    public Object onStore(KeyValueStore<byte[], byte[]> store) {
      return hex(store.get(key));
    }

    public Object onModel(TreeMap<byte[], byte[]> model) {
      return hex(model.get(key));
    }

    @Override
    public String toString() {
      return "get(" + hex(key) + ")";
    }
  }

  /** range, reverseRange, all or reverseAll: bounds may be null and may be inverted. */
  record Range(byte[] from, byte[] to, boolean reverse) implements Op {
    public Object onStore(KeyValueStore<byte[], byte[]> store) {
      KeyValueIterator<byte[], byte[]> it;
      if (from == null && to == null) {
        it = reverse ? store.reverseAll() : store.all();
      } else {
        it = reverse ? store.reverseRange(from, to) : store.range(from, to);
      }
      return drain(it, KeyValueStorePropertyTest::render);
    }

    public Object onModel(TreeMap<byte[], byte[]> model) {
      List<String> out = new ArrayList<>();
      for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
        boolean aboveFrom = from == null || compareUnsigned(e.getKey(), from) >= 0;
        boolean belowTo = to == null || compareUnsigned(e.getKey(), to) <= 0;
        if (aboveFrom && belowTo) {
          out.add(hex(e.getKey()) + "=" + hex(e.getValue()));
        }
      }
      return reverse ? reversed(out) : out;
    }

    @Override
    public String toString() {
      return (reverse ? "reverseRange(" : "range(") + hex(from) + ", " + hex(to) + ")";
    }
  }

  record PrefixScan(byte[] prefix) implements Op {
    public Object onStore(KeyValueStore<byte[], byte[]> store) {
      return drain(store.prefixScan(prefix, BYTES), KeyValueStorePropertyTest::render);
    }

    public Object onModel(TreeMap<byte[], byte[]> model) {
      List<String> out = new ArrayList<>();
      for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
        byte[] k = e.getKey();
        if (k.length >= prefix.length && Arrays.equals(Arrays.copyOf(k, prefix.length), prefix)) {
          out.add(hex(k) + "=" + hex(e.getValue()));
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return "prefixScan(" + hex(prefix) + ")";
    }
  }

  record Count() implements Op {
    public Object onStore(KeyValueStore<byte[], byte[]> store) {
      return store.approximateNumEntries();
    }

    public Object onModel(TreeMap<byte[], byte[]> model) {
      return (long) model.size();
    }
  }

  private static void write(TreeMap<byte[], byte[]> model, byte[] key, byte[] value) {
    if (value == null) {
      model.remove(key);
    } else {
      model.put(key, value);
    }
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static String render(KeyValue<byte[], byte[]> kv) {
    return hex(kv.key()) + "=" + hex(kv.value());
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    return operation(true).list().ofMaxSize(60);
  }

  /** One random operation; {@link Count} only if {@code withCount}. */
  static Arbitrary<Op> operation(boolean withCount) {
    Arbitrary<byte[]> keys = StoreTestSupport.keys(3);
    Arbitrary<byte[]> bounds = keys.injectNull(0.2);
    Arbitrary<byte[]> values = StoreTestSupport.values();
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Combinators.combine(keys, values).as(Put::new)),
            net.jqwik.api.Tuple.of(2, Combinators.combine(keys, values).as(PutIfAbsent::new)),
            net.jqwik.api.Tuple.of(
                1,
                Combinators.combine(
                        keys.list().ofMinSize(1).ofMaxSize(4),
                        values.list().ofMinSize(1).ofMaxSize(4))
                    .as(PutAll::new)),
            net.jqwik.api.Tuple.of(2, keys.map(Delete::new)),
            net.jqwik.api.Tuple.of(2, keys.map(Get::new)),
            net.jqwik.api.Tuple.of(
                3, Combinators.combine(bounds, bounds, Arbitraries.of(true, false)).as(Range::new)),
            net.jqwik.api.Tuple.of(2, StoreTestSupport.keys(2).map(PrefixScan::new)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(new Count())));
    return withCount ? op : op.filter(o -> !(o instanceof Count));
  }

  private static KeyValueStore<byte[], byte[]> newStore() {
    return Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("kv"), Serdes.ByteArray(), Serdes.ByteArray())
        .build();
  }

  @Property(tries = 300)
  void behavesLikeAnUnsignedSortedMapAndItsChangelogRestoresIt(@ForAll("operations") List<Op> ops) {
    TreeMap<byte[], byte[]> model = new TreeMap<>(UNSIGNED);
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      KeyValueStore<byte[], byte[]> store = newStore();
      store.init(context, store);
      for (int i = 0; i < ops.size(); i++) {
        context.setRecordTimestamp(i);
        Op op = ops.get(i);
        assertThat(op.onStore(store)).as("step %d: %s", i, op).isEqualTo(op.onModel(model));
      }
      Object expected = new Range(null, null, false).onModel(model);
      assertThat(new Range(null, null, false).onStore(store)).isEqualTo(expected);

      List<String> compacted = new ArrayList<>();
      context
          .compactedChangelog("kv")
          .forEach((k, v) -> compacted.add(hex(k.get()) + "=" + hex(v)));
      assertThat(compacted).as("compacted changelog").isEqualTo(expected);

      try (CapturingStoreContext fresh = new CapturingStoreContext()) {
        KeyValueStore<byte[], byte[]> restored = newStore();
        restored.init(fresh, restored);
        fresh.restore("kv", context.changelog("kv"));
        assertThat(new Range(null, null, false).onStore(restored))
            .as("restored")
            .isEqualTo(expected);
        assertThat(restored.approximateNumEntries()).isEqualTo(model.size());
        assertThat(fresh.changes()).as("restoring writes no changelog").isEmpty();
        restored.close();
      }
      store.close();
    }
  }
}
