package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.state.KeyValueStore;
import io.sluice.state.SessionStore;
import io.sluice.state.Stores;
import io.sluice.state.WindowStore;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** Whether a store reports its writes depends on a thread cache, known only after init. */
class FlushListenerContractTest {

  @Test
  void aCachingStoreReportsWritesOnlyWhenAThreadCacheBacksIt() {
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      KeyValueStore<String, String> uncached = Stores.keyValueStoreBuilder(
          Stores.inMemoryKeyValueStore("no-cache"), Serdes.String(), Serdes.String())
          .withCachingEnabled().build();
      uncached.init(context, uncached);
      assertThat(setListener(uncached)).isFalse();

      context.setCache(new ThreadCache(1 << 20, context.metrics(), "t"));
      KeyValueStore<String, String> cached = Stores.keyValueStoreBuilder(
          Stores.inMemoryKeyValueStore("cached"), Serdes.String(), Serdes.String())
          .withCachingEnabled().build();
      cached.init(context, cached);
      assertThat(setListener(cached)).isTrue();

      WindowStore<String, String> windows = Stores.windowStoreBuilder(
          Stores.inMemoryWindowStore("w", Duration.ofMinutes(2), Duration.ofMinutes(1), false),
          Serdes.String(), Serdes.String()).withCachingEnabled().build();
      windows.init(context, windows);
      assertThat(((CachedStateStore<?, ?>) windows)
          .setFlushListener((k, n, o, t) -> { }, false)).isTrue();

      SessionStore<String, String> sessions = Stores.sessionStoreBuilder(
          Stores.inMemorySessionStore("s", Duration.ofMinutes(2)),
          Serdes.String(), Serdes.String()).withCachingEnabled().build();
      sessions.init(context, sessions);
      assertThat(((CachedStateStore<?, ?>) sessions)
          .setFlushListener((k, n, o, t) -> { }, false)).isTrue();
    }
  }

  @Test
  void settingAListenerBeforeInitFailsClearly() {
    KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore("early"), Serdes.String(), Serdes.String())
        .withCachingEnabled().build();
    assertThatThrownBy(() -> setListener(store))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("early")
        .hasMessageContaining("must be initialised before a flush listener is set");
  }

  private static boolean setListener(KeyValueStore<String, String> store) {
    return ((MeteredKeyValueStore<String, String>) store).setFlushListener((k, n, o, t) -> { },
        false);
  }
}
