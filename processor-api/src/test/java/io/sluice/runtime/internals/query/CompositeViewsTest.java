package io.sluice.runtime.internals.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.InvalidStateStoreException;
import io.sluice.runtime.StoreRebalancingException;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.ReadOnlyKeyValueStore;
import io.sluice.state.StateStoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class CompositeViewsTest {

  /** A read-only store over a sorted map (string keys), closeable to simulate a migration. */
  static final class MapStore<V> implements ReadOnlyKeyValueStore<String, V> {
    final NavigableMap<String, V> map = new TreeMap<>();
    final AtomicBoolean closed = new AtomicBoolean();

    MapStore<V> with(String key, V value) {
      map.put(key, value);
      return this;
    }

    private void check() {
      if (closed.get()) {
        throw new StateStoreException("store is closed");
      }
    }

    @Override
    public V get(String key) {
      check();
      return map.get(key);
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
      check();
      return iterator(map.subMap(from, true, to, true));
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
      check();
      return iterator(map.subMap(from, true, to, true).descendingMap());
    }

    @Override
    public KeyValueIterator<String, V> all() {
      check();
      return iterator(map);
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
      check();
      return iterator(map.descendingMap());
    }

    @Override
    public <P> KeyValueIterator<String, V> prefixScan(P prefix, Serializer<P> serializer) {
      check();
      String p = new String(serializer.serialize(null, prefix), StandardCharsets.UTF_8);
      NavigableMap<String, V> result = new TreeMap<>();
      map.forEach((k, v) -> {
        if (k.startsWith(p)) {
          result.put(k, v);
        }
      });
      return iterator(result);
    }

    @Override
    public long approximateNumEntries() {
      return map.size();
    }

    private KeyValueIterator<String, V> iterator(Map<String, V> entries) {
      Iterator<Map.Entry<String, V>> it = List.copyOf(entries.entrySet()).iterator();
      return new KeyValueIterator<>() {
        Map.Entry<String, V> peeked;

        @Override
        public boolean hasNext() {
          return peeked != null || it.hasNext();
        }

        @Override
        public KeyValue<String, V> next() {
          Map.Entry<String, V> e = peeked != null ? peeked : it.next();
          peeked = null;
          return new KeyValue<>(e.getKey(), e.getValue());
        }

        @Override
        public String peekNextKey() {
          if (peeked == null) {
            if (!it.hasNext()) {
              throw new NoSuchElementException();
            }
            peeked = it.next();
          }
          return peeked.getKey();
        }

        @Override
        public void close() {
          // nothing held
        }
      };
    }
  }

  private static <V> List<KeyValue<String, V>> drain(KeyValueIterator<String, V> it) {
    List<KeyValue<String, V>> out = new ArrayList<>();
    try (it) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private final MapStore<Long> p0 = new MapStore<Long>().with("a", 1L).with("c", 3L);
  private final MapStore<Long> p1 = new MapStore<Long>().with("b", 2L).with("ab", 4L);
  private final CompositeKeyValueView<String, Long> view =
      new CompositeKeyValueView<>("counts", () -> List.of(p0, p1));

  @Test
  void pointReadsFindTheKeyInWhicheverCopyHoldsIt() {
    assertThat(view.get("a")).isEqualTo(1L);
    assertThat(view.get("b")).isEqualTo(2L);
    assertThat(view.get("zz")).isNull();
    assertThat(view.approximateNumEntries()).isEqualTo(4);
  }

  @Test
  void scansConcatenateTheCopies() {
    assertThat(drain(view.all())).containsExactly(KeyValue.pair("a", 1L), KeyValue.pair("c", 3L),
        KeyValue.pair("ab", 4L), KeyValue.pair("b", 2L));
    assertThat(drain(view.range("a", "b"))).containsExactly(KeyValue.pair("a", 1L),
        KeyValue.pair("ab", 4L), KeyValue.pair("b", 2L));
    assertThat(drain(view.reverseAll())).containsExactly(KeyValue.pair("c", 3L),
        KeyValue.pair("a", 1L), KeyValue.pair("b", 2L), KeyValue.pair("ab", 4L));
    assertThat(drain(view.prefixScan("a", Serdes.String().serializer())))
        .containsExactly(KeyValue.pair("a", 1L), KeyValue.pair("ab", 4L));
    KeyValueIterator<String, Long> it = view.all();
    assertThat(it.peekNextKey()).isEqualTo("a");
    it.close();
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  void aCopyClosedUnderTheQueryIsARetriableFailureNamingTheStore() {
    p1.closed.set(true);
    assertThatThrownBy(() -> view.get("zz"))
        .isInstanceOfSatisfying(StoreRebalancingException.class,
            e -> assertThat(e.retriable()).isTrue())
        .hasMessageContaining("'counts'").hasMessageContaining("retry");
  }

  @Test
  void failuresOfTheProviderPassThrough() {
    CompositeKeyValueView<String, Long> failing = new CompositeKeyValueView<>("counts", () -> {
      throw new InvalidStateStoreException("instance is NOT_RUNNING");
    });
    assertThatThrownBy(() -> failing.get("a")).isExactlyInstanceOf(
        InvalidStateStoreException.class).hasMessage("instance is NOT_RUNNING");
  }

  @Test
  void timestampedValuesReadPlain() {
    MapStore<ValueAndTimestamp<Long>> stamped = new MapStore<ValueAndTimestamp<Long>>()
        .with("a", ValueAndTimestamp.make(7L, 100L));
    PlainValueKeyValueStore<String, Long> plain = new PlainValueKeyValueStore<>(stamped);
    assertThat(plain.get("a")).isEqualTo(7L);
    assertThat(plain.get("b")).isNull();
    assertThat(drain(plain.all())).containsExactly(KeyValue.pair("a", 7L));
  }
}
