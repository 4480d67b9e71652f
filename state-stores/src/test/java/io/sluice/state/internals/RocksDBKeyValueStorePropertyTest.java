package io.sluice.state.internals;

import static io.sluice.state.internals.StoreTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * Drives the RocksDB key-value store, the in-memory one and an independent list model with the same
 * random operations, and requires identical answers — then reopens the RocksDB store and requires
 * the same contents.
 */
class RocksDBKeyValueStorePropertyTest {

  sealed interface Op permits Put, PutIfAbsent, PutAll, Delete, Get, Range, Prefix {}

  record Put(byte[] key, byte[] value) implements Op {}

  record PutIfAbsent(byte[] key, byte[] value) implements Op {}

  record PutAll(List<byte[]> keys, byte[] value) implements Op {}

  record Delete(byte[] key) implements Op {}

  record Get(byte[] key) implements Op {}

  record Range(byte[] from, byte[] to, boolean forward) implements Op {}

  record Prefix(byte[] prefix) implements Op {}

  /** The model: an unsorted list of entries, searched linearly and sorted on every read. */
  static final class Model {
    private final List<byte[][]> entries = new ArrayList<>();

    byte[] get(byte[] key) {
      for (byte[][] e : entries) {
        if (Arrays.equals(e[0], key)) {
          return e[1];
        }
      }
      return null;
    }

    byte[] put(byte[] key, byte[] value) {
      byte[] old = get(key);
      entries.removeIf(e -> Arrays.equals(e[0], key));
      if (value != null) {
        entries.add(new byte[][] {key, value});
      }
      return old;
    }

    List<String> select(byte[] from, byte[] to, byte[] prefix, boolean forward) {
      List<byte[][]> out = new ArrayList<>();
      for (byte[][] e : entries) {
        boolean in =
            (from == null || Arrays.compareUnsigned(e[0], from) >= 0)
                && (to == null || Arrays.compareUnsigned(e[0], to) <= 0)
                && (prefix == null
                    || (e[0].length >= prefix.length
                        && Arrays.equals(e[0], 0, prefix.length, prefix, 0, prefix.length)));
        if (in) {
          out.add(e);
        }
      }
      out.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
      if (!forward) {
        Collections.reverse(out);
      }
      return out.stream().map(e -> hex(e[0]) + "=" + hex(e[1])).toList();
    }
  }

  @Property(tries = 150)
  void rocksDbInMemoryAndModelAgree(@ForAll("ops") @Size(max = 40) List<Op> ops) {
    try (RocksDBTestContext context = new RocksDBTestContext()) {
      RocksDBKeyValueStore rocks = new RocksDBKeyValueStore("rocks");
      InMemoryKeyValueStore memory = new InMemoryKeyValueStore("memory");
      rocks.init(context, rocks);
      memory.init(context, memory);
      Model model = new Model();
      try {
        for (Op op : ops) {
          String expected = apply(model, op);
          assertThat(apply(rocks, op)).as("rocksdb after %s", op).isEqualTo(expected);
          assertThat(apply(memory, op)).as("in-memory after %s", op).isEqualTo(expected);
        }
        rocks.close();
        rocks = new RocksDBKeyValueStore("rocks");
        rocks.init(context, rocks);
        assertThat(drain(rocks.all())).isEqualTo(model.select(null, null, null, true));
      } finally {
        rocks.close();
        memory.close();
      }
    }
  }

  private static String apply(Model model, Op op) {
    if (op instanceof Put p) {
      return hex(model.put(p.key(), p.value()));
    } else if (op instanceof PutIfAbsent p) {
      byte[] existing = model.get(p.key());
      if (existing == null) {
        model.put(p.key(), p.value());
      }
      return hex(existing);
    } else if (op instanceof PutAll p) {
      p.keys().forEach(k -> model.put(k, p.value()));
      return "";
    } else if (op instanceof Delete d) {
      return hex(model.put(d.key(), null));
    } else if (op instanceof Get g) {
      return hex(model.get(g.key()));
    } else if (op instanceof Range r) {
      if (r.from() != null && r.to() != null && Arrays.compareUnsigned(r.from(), r.to()) > 0) {
        return List.of().toString();
      }
      return model.select(r.from(), r.to(), null, r.forward()).toString();
    }
    return model.select(null, null, ((Prefix) op).prefix(), true).toString();
  }

  private static String apply(KeyValueStore<Bytes, byte[]> store, Op op) {
    if (op instanceof Put p) {
      byte[] old = store.get(Bytes.wrap(p.key()));
      store.put(Bytes.wrap(p.key()), p.value());
      return hex(old);
    } else if (op instanceof PutIfAbsent p) {
      return hex(store.putIfAbsent(Bytes.wrap(p.key()), p.value()));
    } else if (op instanceof PutAll p) {
      store.putAll(p.keys().stream().map(k -> new KeyValue<>(Bytes.wrap(k), p.value())).toList());
      return "";
    } else if (op instanceof Delete d) {
      return hex(store.delete(Bytes.wrap(d.key())));
    } else if (op instanceof Get g) {
      return hex(store.get(Bytes.wrap(g.key())));
    } else if (op instanceof Range r) {
      Bytes from = r.from() == null ? null : Bytes.wrap(r.from());
      Bytes to = r.to() == null ? null : Bytes.wrap(r.to());
      KeyValueIterator<Bytes, byte[]> it;
      if (from == null && to == null) {
        it = r.forward() ? store.all() : store.reverseAll();
      } else {
        it = r.forward() ? store.range(from, to) : store.reverseRange(from, to);
      }
      return drain(it).toString();
    }
    return drain(store.prefixScan(((Prefix) op).prefix(), new ByteArraySerializer())).toString();
  }

  private static List<String> drain(KeyValueIterator<Bytes, byte[]> it) {
    return StoreTestSupport.drain(it, kv -> hex(kv.key().get()) + "=" + hex(kv.value()));
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<byte[]> keys = StoreTestSupport.keys(3);
    Arbitrary<byte[]> values = StoreTestSupport.values();
    Arbitrary<byte[]> bounds = keys.injectNull(0.3);
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, Combinators.combine(keys, values).as(Put::new)),
            net.jqwik.api.Tuple.of(1, Combinators.combine(keys, values).as(PutIfAbsent::new)),
            net.jqwik.api.Tuple.of(
                1, Combinators.combine(keys.list().ofMaxSize(4), values).as(PutAll::new)),
            net.jqwik.api.Tuple.of(2, keys.map(Delete::new)),
            net.jqwik.api.Tuple.of(2, keys.map(Get::new)),
            net.jqwik.api.Tuple.of(
                3, Combinators.combine(bounds, bounds, Arbitraries.of(true, false)).as(Range::new)),
            net.jqwik.api.Tuple.of(2, keys.map(Prefix::new)));
    return op.list();
  }
}
