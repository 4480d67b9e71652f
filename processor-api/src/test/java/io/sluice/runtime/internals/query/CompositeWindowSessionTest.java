package io.sluice.runtime.internals.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.ReadOnlySessionStore;
import io.sluice.state.ReadOnlyWindowStore;
import io.sluice.state.WindowStoreIterator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class CompositeWindowSessionTest {
  private static final long SIZE = 10;

  /** Iterates a fixed list. */
  static class ListIterator<K, V> implements KeyValueIterator<K, V> {
    private final Iterator<KeyValue<K, V>> it;
    private KeyValue<K, V> peeked;
    boolean closed;

    ListIterator(List<KeyValue<K, V>> entries) {
      this.it = List.copyOf(entries).iterator();
    }

    @Override
    public boolean hasNext() {
      return peeked != null || it.hasNext();
    }

    @Override
    public KeyValue<K, V> next() {
      if (peeked != null) {
        KeyValue<K, V> e = peeked;
        peeked = null;
        return e;
      }
      return it.next();
    }

    @Override
    public K peekNextKey() {
      if (peeked == null) {
        if (!it.hasNext()) {
          throw new NoSuchElementException();
        }
        peeked = it.next();
      }
      return peeked.key();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static final class ListWindowIterator<V> extends ListIterator<Long, V>
      implements WindowStoreIterator<V> {
    ListWindowIterator(List<KeyValue<Long, V>> entries) {
      super(entries);
    }
  }

  /** A window store over (key, windowStart, value) triples of one partition. */
  record Windows(List<KeyValue<Windowed<String>, Long>> entries)
      implements ReadOnlyWindowStore<String, Long> {
    private List<KeyValue<Windowed<String>, Long>> where(
        Predicate<KeyValue<Windowed<String>, Long>> test) {
      return entries.stream().filter(test).toList();
    }

    @Override
    public Long fetch(String key, long start) {
      return where(e -> e.key().key().equals(key) && e.key().window().startMs() == start)
          .stream().map(KeyValue::value).findFirst().orElse(null);
    }

    @Override
    public WindowStoreIterator<Long> fetch(String key, long from, long to) {
      List<KeyValue<Long, Long>> out = new ArrayList<>();
      where(e -> e.key().key().equals(key) && e.key().window().startMs() >= from
          && e.key().window().startMs() <= to)
          .forEach(e -> out.add(KeyValue.pair(e.key().window().startMs(), e.value())));
      return new ListWindowIterator<>(out);
    }

    @Override
    public WindowStoreIterator<Long> backwardFetch(String key, long from, long to) {
      List<KeyValue<Long, Long>> out = new ArrayList<>();
      fetch(key, from, to).forEachRemaining(out::add);
      return new ListWindowIterator<>(reverse(out));
    }

    @Override
    public KeyValueIterator<Windowed<String>, Long> fetch(String kf, String kt, long f, long t) {
      return new ListIterator<>(where(e -> e.key().key().compareTo(kf) >= 0
          && e.key().key().compareTo(kt) <= 0 && e.key().window().startMs() >= f
          && e.key().window().startMs() <= t));
    }

    @Override
    public KeyValueIterator<Windowed<String>, Long> backwardFetch(String kf, String kt, long f,
        long t) {
      List<KeyValue<Windowed<String>, Long>> out = new ArrayList<>();
      fetch(kf, kt, f, t).forEachRemaining(out::add);
      return new ListIterator<>(reverse(out));
    }

    @Override
    public KeyValueIterator<Windowed<String>, Long> fetchAll(long f, long t) {
      return new ListIterator<>(where(e -> e.key().window().startMs() >= f
          && e.key().window().startMs() <= t));
    }

    @Override
    public KeyValueIterator<Windowed<String>, Long> backwardFetchAll(long f, long t) {
      List<KeyValue<Windowed<String>, Long>> out = new ArrayList<>();
      fetchAll(f, t).forEachRemaining(out::add);
      return new ListIterator<>(reverse(out));
    }

    @Override
    public KeyValueIterator<Windowed<String>, Long> all() {
      return new ListIterator<>(entries);
    }

    @Override
    public KeyValueIterator<Windowed<String>, Long> backwardAll() {
      return new ListIterator<>(reverse(entries));
    }
  }

  static <T> List<T> reverse(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static KeyValue<Windowed<String>, Long> w(String key, long start, long value) {
    return KeyValue.pair(new Windowed<>(key, new Window(start, start + SIZE)), value);
  }

  private static <K, V> List<KeyValue<K, V>> drain(KeyValueIterator<K, V> it) {
    List<KeyValue<K, V>> out = new ArrayList<>();
    try (it) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private final Windows p0 = new Windows(List.of(w("a", 0, 1), w("a", 10, 2)));
  private final Windows p1 = new Windows(List.of(w("b", 0, 3)));
  private final CompositeWindowView<String, Long> windows =
      new CompositeWindowView<>("w", () -> List.of(p0, p1));

  @Test
  void singleKeyReadsComeFromTheCopyHoldingTheKey() {
    assertThat(windows.fetch("b", 0L)).isEqualTo(3L);
    assertThat(windows.fetch("a", 10L)).isEqualTo(2L);
    assertThat(windows.fetch("c", 0L)).isNull();
    assertThat(drain(windows.fetch("b", 0, 100))).containsExactly(KeyValue.pair(0L, 3L));
    assertThat(drain(windows.backwardFetch("a", 0, 100)))
        .containsExactly(KeyValue.pair(10L, 2L), KeyValue.pair(0L, 1L));
    assertThat(drain(windows.fetch("c", 0, 100))).isEmpty();
  }

  @Test
  void multiKeyReadsConcatenateTheCopies() {
    assertThat(drain(windows.all())).containsExactly(w("a", 0, 1), w("a", 10, 2), w("b", 0, 3));
    assertThat(drain(windows.fetchAll(0, 5))).containsExactly(w("a", 0, 1), w("b", 0, 3));
    assertThat(drain(windows.fetch("a", "b", 5, 20))).containsExactly(w("a", 10, 2));
  }

  @Test
  void sessionReadsSpanTheCopies() {
    ReadOnlySessionStore<String, Long> s0 = sessions(List.of(w("a", 0, 5)));
    ReadOnlySessionStore<String, Long> s1 = sessions(List.of(w("b", 3, 7)));
    CompositeSessionView<String, Long> view = new CompositeSessionView<>("s",
        () -> List.of(s0, s1));
    assertThat(view.fetchSession("b", 3, 13)).isEqualTo(7L);
    assertThat(view.fetchSession("b", 3, 4)).isNull();
    assertThat(drain(view.fetch("a"))).containsExactly(w("a", 0, 5));
    assertThat(drain(view.fetch("a", "z"))).containsExactly(w("a", 0, 5), w("b", 3, 7));
  }

  private static ReadOnlySessionStore<String, Long> sessions(
      List<KeyValue<Windowed<String>, Long>> entries) {
    return new ReadOnlySessionStore<>() {
      private List<KeyValue<Windowed<String>, Long>> of(String from, String to) {
        return entries.stream().filter(e -> e.key().key().compareTo(from) >= 0
            && e.key().key().compareTo(to) <= 0).toList();
      }

      @Override
      public KeyValueIterator<Windowed<String>, Long> findSessions(String key, long e, long l) {
        return new ListIterator<>(of(key, key));
      }

      @Override
      public KeyValueIterator<Windowed<String>, Long> backwardFindSessions(String key, long e,
          long l) {
        return new ListIterator<>(reverse(of(key, key)));
      }

      @Override
      public KeyValueIterator<Windowed<String>, Long> findSessions(String f, String t, long e,
          long l) {
        return new ListIterator<>(of(f, t));
      }

      @Override
      public KeyValueIterator<Windowed<String>, Long> backwardFindSessions(String f, String t,
          long e, long l) {
        return new ListIterator<>(reverse(of(f, t)));
      }

      @Override
      public Long fetchSession(String key, long start, long end) {
        return of(key, key).stream().filter(e -> e.key().window().startMs() == start
            && e.key().window().endMs() == end).map(KeyValue::value).findFirst().orElse(null);
      }

      @Override
      public KeyValueIterator<Windowed<String>, Long> fetch(String key) {
        return new ListIterator<>(of(key, key));
      }

      @Override
      public KeyValueIterator<Windowed<String>, Long> backwardFetch(String key) {
        return new ListIterator<>(reverse(of(key, key)));
      }

      @Override
      public KeyValueIterator<Windowed<String>, Long> fetch(String f, String t) {
        return new ListIterator<>(of(f, t));
      }

      @Override
      public KeyValueIterator<Windowed<String>, Long> backwardFetch(String f, String t) {
        return new ListIterator<>(reverse(of(f, t)));
      }
    };
  }
}
