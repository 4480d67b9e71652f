package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.SessionStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import io.sluice.state.Stores;
import io.sluice.state.WindowStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreLifecycleTest {

  private final CapturingStoreContext context = new CapturingStoreContext();

  @AfterEach
  void tearDown() {
    context.close();
  }

  private static KeyValueStore<String, String> kvStore() {
    return Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("kv"), Serdes.String(), Serdes.String())
        .build();
  }

  @Test
  void registersTheRootLayerOnce() {
    KeyValueStore<String, String> store = kvStore();
    store.init(context, store);
    assertThat(context.registered()).containsEntry("kv", store);
    assertThat(store.isOpen()).isTrue();
    assertThatThrownBy(() -> store.init(context, store))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("store kv is already open");
  }

  @Test
  void operationsBeforeInitFailNamingTheStore() {
    KeyValueStore<String, String> store = kvStore();
    assertThat(store.isOpen()).isFalse();
    assertThatThrownBy(() -> store.put("a", "1"))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("store kv is not initialised");
  }

  @Test
  void operationsOnAClosedStoreFailNamingTheStore() {
    KeyValueStore<String, String> store = kvStore();
    store.init(context, store);
    store.put("a", "1");
    store.close();
    store.close(); // a second close is a no-op
    assertThat(store.isOpen()).isFalse();
    assertThatThrownBy(() -> store.get("a"))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("store kv is not open");
    assertThatThrownBy(() -> store.put("b", "2")).hasMessageContaining("store kv");
    assertThatThrownBy(store::all).hasMessageContaining("store kv");
  }

  @Test
  void iteratorsFailOnceTheStoreOrTheIteratorIsClosed() {
    KeyValueStore<String, String> store = kvStore();
    store.init(context, store);
    store.put("a", "1");
    store.put("b", "2");
    KeyValueIterator<String, String> closedByStore = store.all();
    KeyValueIterator<String, String> closedItself = store.all();
    assertThat(closedItself.peekNextKey()).isEqualTo("a");
    closedItself.close();
    assertThatThrownBy(closedItself::hasNext)
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("iterator of store kv was closed");
    store.close();
    assertThatThrownBy(closedByStore::next)
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("store kv is closed");
  }

  @Test
  void peekingPastTheEndFails() {
    KeyValueStore<String, String> store = kvStore();
    store.init(context, store);
    try (KeyValueIterator<String, String> it = store.all()) {
      assertThat(it.hasNext()).isFalse();
      assertThatThrownBy(it::peekNextKey)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("store kv");
    }
  }

  @Test
  void windowAndSessionStoresFailWhenClosed() {
    WindowStore<String, String> window =
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore("w", Duration.ofMillis(10), Duration.ofMillis(5), false),
                Serdes.String(),
                Serdes.String())
            .build();
    window.init(context, window);
    window.close();
    assertThatThrownBy(() -> window.put("a", "1", 0)).hasMessageContaining("store w is not open");
    assertThatThrownBy(() -> window.fetch("a", 0, 5)).hasMessageContaining("store w");

    SessionStore<String, String> session =
        Stores.sessionStoreBuilder(
                Stores.inMemorySessionStore("s", Duration.ofMillis(10)),
                Serdes.String(),
                Serdes.String())
            .build();
    session.init(context, session);
    session.close();
    assertThatThrownBy(() -> session.put(new Windowed<>("a", new Window(0, 0)), "1"))
        .hasMessageContaining("store s is not open");
    assertThatThrownBy(() -> session.fetch("a")).hasMessageContaining("store s");
  }

  @Test
  void negativeWindowStartsAreRejected() {
    WindowStore<String, String> window =
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore("w", Duration.ofMillis(10), Duration.ofMillis(5), false),
                Serdes.String(),
                Serdes.String())
            .build();
    window.init(context, window);
    assertThatThrownBy(() -> window.put("a", "1", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window start must be >= 0 but was -1")
        .hasMessageContaining("store w");
  }

  @Test
  void aContextThatIsNotTheEnginesIsRejected() {
    StateStoreContext plain =
        (StateStoreContext)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {StateStoreContext.class},
                (proxy, method, args) -> {
                  throw new AssertionError("not expected: " + method.getName());
                });
    KeyValueStore<String, String> store = kvStore();
    assertThatThrownBy(() -> store.init(plain, store))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("store kv")
        .hasMessageContaining("InternalStoreContext");
  }

  @Test
  void missingSerdesFallBackToTheDefaultsOrFailClearly() {
    KeyValueStore<String, Long> withDefaults =
        Stores.<String, Long>keyValueStoreBuilder(Stores.inMemoryKeyValueStore("d"), null, null)
            .build();
    context.setDefaultSerdes(Serdes.String(), Serdes.Long());
    withDefaults.init(context, withDefaults);
    withDefaults.put("a", 7L);
    assertThat(withDefaults.get("a")).isEqualTo(7L);
    assertThat(context.changelog("d").get(0).value())
        .isEqualTo(Serdes.Long().serializer().serialize("t", 7L));

    try (CapturingStoreContext bare = new CapturingStoreContext()) {
      KeyValueStore<String, Long> noDefaults =
          Stores.<String, Long>keyValueStoreBuilder(
                  Stores.inMemoryKeyValueStore("n"), Serdes.String(), null)
              .build();
      assertThatThrownBy(() -> noDefaults.init(bare, noDefaults))
          .isInstanceOf(StateStoreException.class)
          .hasMessageContaining("store n has no value serde")
          .hasMessageContaining("default.value.serde");
    }
  }

  @Test
  void nullKeysAreRejected() {
    KeyValueStore<String, String> store = kvStore();
    store.init(context, store);
    assertThatThrownBy(() -> store.put(null, "1"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("key");
  }
}
