package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.SessionStore;
import io.sluice.state.Stores;
import io.sluice.state.TimestampedWindowStore;
import io.sluice.state.WindowStoreIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** The {@code Stores.persistent*} factories give RocksDB stores behind the usual layers. */
class PersistentStoresTest {

  @Test
  void persistentKeyValueStoreIsRocksDbBehindMeteredAndChangelogLayers() {
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore("counts"), Serdes.String(), Serdes.Long()).build();
      store.init(context, store);
      assertThat(store.persistent()).isTrue();

      store.put("b", 2L);
      store.put("a", 1L);
      store.put("c", 3L);
      store.delete("c");
      assertThat(store.get("a")).isEqualTo(1L);
      List<KeyValue<String, Long>> all = new ArrayList<>();
      try (KeyValueIterator<String, Long> it = store.all()) {
        it.forEachRemaining(all::add);
      }
      assertThat(all).containsExactly(KeyValue.pair("a", 1L), KeyValue.pair("b", 2L));
      assertThat(context.compactedChangelog("counts")).hasSize(2);
      assertThat(context.stateDir().toPath().resolve("rocksdb").resolve("counts")).isDirectory();
      store.close();
    }
  }

  @Test
  void persistentTimestampedWindowAndSessionStoresWork() {
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      TimestampedWindowStore<String, Long> windows = Stores.timestampedWindowStoreBuilder(
          Stores.persistentTimestampedWindowStore(
              "windows", Duration.ofMinutes(10), Duration.ofMinutes(1), false),
          Serdes.String(), Serdes.Long()).build();
      windows.init(context, windows);
      windows.put("k", ValueAndTimestamp.make(5L, 1_000L), 0L);
      try (WindowStoreIterator<ValueAndTimestamp<Long>> it = windows.fetch("k", 0L, 60_000L)) {
        assertThat(it.next()).isEqualTo(KeyValue.pair(0L, new ValueAndTimestamp<>(5L, 1_000L)));
        assertThat(it.hasNext()).isFalse();
      }
      windows.close();

      SessionStore<String, Long> sessions = Stores.sessionStoreBuilder(
          Stores.persistentSessionStore("sessions", Duration.ofMinutes(10)),
          Serdes.String(), Serdes.Long()).build();
      sessions.init(context, sessions);
      Windowed<String> session = new Windowed<>("u", new Window(100L, 200L));
      sessions.put(session, 7L);
      assertThat(sessions.fetchSession("u", 100L, 200L)).isEqualTo(7L);
      sessions.close();
    }
  }

  @Test
  void persistentWindowStoresValidateLikeInMemoryOnes() {
    assertThatThrownBy(() -> Stores.persistentWindowStore(
            "w", Duration.ofMillis(10), Duration.ofMillis(20), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retentionPeriod (10 ms)")
        .hasMessageContaining("windowSize (20 ms)");
    assertThatThrownBy(() -> Stores.persistentKeyValueStore("bad name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad name'");
    assertThatThrownBy(() -> Stores.persistentSessionStore("s", Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retentionPeriod must not be negative");
  }
}
