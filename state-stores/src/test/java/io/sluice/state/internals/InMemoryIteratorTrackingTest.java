package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.SessionStore;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreException;
import io.sluice.state.Stores;
import io.sluice.state.WindowStore;
import io.sluice.state.WindowStoreIterator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryIteratorTrackingTest {

  private final CapturingStoreContext context = new CapturingStoreContext();

  @AfterEach
  void tearDown() {
    context.close();
  }

  private static Bytes key(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] value(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Closes {@code store}, returning what was logged to standard error meanwhile. */
  private static String closeCapturingLog(StateStore store) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      store.close();
    } finally {
      System.setErr(original);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void keyValueStoreClosesLeakedIteratorsWithAWarningNamingIt() {
    KeyValueStore<Bytes, byte[]> kv = Stores.inMemoryKeyValueStore("leaky-kv").get();
    kv.init(context, kv);
    kv.put(key("a"), value("1"));
    KeyValueIterator<Bytes, byte[]> leaked = kv.all();
    KeyValueIterator<Bytes, byte[]> closed = kv.range(key("a"), key("b"));
    assertThat(((InMemoryByteStore) kv).openIterators()).isEqualTo(2);
    closed.close();
    assertThat(((InMemoryByteStore) kv).openIterators()).isEqualTo(1);

    String log = closeCapturingLog(kv);

    assertThat(log).contains("Store leaky-kv is closing with 1 iterator(s) still open");
    assertThat(((InMemoryByteStore) kv).openIterators()).isZero();
    assertThatThrownBy(leaked::hasNext)
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("store leaky-kv is closed");
  }

  @Test
  void windowStoreClosesLeakedIteratorsOfEveryKind() {
    WindowStore<Bytes, byte[]> window =
        Stores.inMemoryWindowStore("leaky-window", Duration.ofMillis(100), Duration.ofMillis(10),
            false).get();
    window.init(context, window);
    window.put(key("a"), value("1"), 5);
    WindowStoreIterator<byte[]> leakedFetch = window.fetch(key("a"), 0, 10);
    KeyValueIterator<Windowed<Bytes>, byte[]> leakedAll = window.all();
    try (KeyValueIterator<Windowed<Bytes>, byte[]> closed = window.fetchAll(0, 10)) {
      assertThat(closed.hasNext()).isTrue();
    }
    assertThat(((InMemoryByteStore) window).openIterators()).isEqualTo(2);

    String log = closeCapturingLog(window);

    assertThat(log).contains("Store leaky-window is closing with 2 iterator(s) still open");
    assertThat(((InMemoryByteStore) window).openIterators()).isZero();
    assertThatThrownBy(leakedFetch::hasNext).hasMessageContaining("leaky-window");
    assertThatThrownBy(leakedAll::hasNext).hasMessageContaining("leaky-window");
  }

  @Test
  void sessionStoreClosesLeakedIterators() {
    SessionStore<Bytes, byte[]> session =
        Stores.inMemorySessionStore("leaky-session", Duration.ofMillis(100)).get();
    session.init(context, session);
    session.put(new Windowed<>(key("a"), new Window(0, 5)), value("1"));
    KeyValueIterator<Windowed<Bytes>, byte[]> leaked = session.fetch(key("a"));
    assertThat(((InMemoryByteStore) session).openIterators()).isEqualTo(1);

    String log = closeCapturingLog(session);

    assertThat(log).contains("Store leaky-session is closing with 1 iterator(s) still open");
    assertThatThrownBy(leaked::hasNext).hasMessageContaining("leaky-session");
  }

  @Test
  void closingAStoreWithoutLeaksWarnsNothing() {
    KeyValueStore<Bytes, byte[]> kv = Stores.inMemoryKeyValueStore("tidy").get();
    kv.init(context, kv);
    try (KeyValueIterator<Bytes, byte[]> it = kv.all()) {
      assertThat(it.hasNext()).isFalse();
    }

    assertThat(closeCapturingLog(kv)).doesNotContain("tidy");
  }
}
