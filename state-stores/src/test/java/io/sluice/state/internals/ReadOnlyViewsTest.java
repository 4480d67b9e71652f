package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueStore;
import io.sluice.state.ReadOnlyKeyValueStore;
import io.sluice.state.ReadOnlySessionStore;
import io.sluice.state.ReadOnlyWindowStore;
import io.sluice.state.SessionStore;
import io.sluice.state.StateStore;
import io.sluice.state.Stores;
import io.sluice.state.WindowStore;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadOnlyViewsTest {

  private final CapturingStoreContext context = new CapturingStoreContext();

  @AfterEach
  void tearDown() {
    context.close();
  }

  @Test
  void viewsReadThroughButCannotBeCastBackToWritableStores() {
    KeyValueStore<String, String> kv =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("kv"), Serdes.String(), Serdes.String())
            .build();
    kv.init(context, kv);
    kv.put("a", "1");
    ReadOnlyKeyValueStore<String, String> kvView = ReadOnlyViews.keyValue(kv);
    assertThat(kvView).isNotInstanceOf(KeyValueStore.class).isNotInstanceOf(StateStore.class);
    assertThat(kvView.get("a")).isEqualTo("1");
    assertThat(kvView.approximateNumEntries()).isEqualTo(1);
    try (var it = kvView.prefixScan("a", Serdes.String().serializer())) {
      assertThat(it.next().value()).isEqualTo("1");
    }

    WindowStore<String, String> window =
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore("w", Duration.ofMillis(10), Duration.ofMillis(5), false),
                Serdes.String(),
                Serdes.String())
            .build();
    window.init(context, window);
    window.put("a", "1", 0);
    ReadOnlyWindowStore<String, String> windowView = ReadOnlyViews.window(window);
    assertThat(windowView).isNotInstanceOf(WindowStore.class);
    assertThat(windowView.fetch("a", 0)).isEqualTo("1");
    try (var it = windowView.backwardAll()) {
      assertThat(it.next().key()).isEqualTo(new Windowed<>("a", new Window(0, 5)));
    }

    SessionStore<String, String> session =
        Stores.sessionStoreBuilder(
                Stores.inMemorySessionStore("s", Duration.ofMillis(10)),
                Serdes.String(),
                Serdes.String())
            .build();
    session.init(context, session);
    session.put(new Windowed<>("a", new Window(1, 2)), "1");
    ReadOnlySessionStore<String, String> sessionView = ReadOnlyViews.session(session);
    assertThat(sessionView).isNotInstanceOf(SessionStore.class);
    assertThat(sessionView.fetchSession("a", 1, 2)).isEqualTo("1");
    try (var it = sessionView.findSessions("a", 2, 1)) {
      assertThat(it.next().value()).isEqualTo("1");
    }
  }
}
