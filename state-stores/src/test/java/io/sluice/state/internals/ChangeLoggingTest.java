package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.ValueAndTimestampSerde;
import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueStore;
import io.sluice.state.SessionStore;
import io.sluice.state.Stores;
import io.sluice.state.TimestampedKeyValueStore;
import io.sluice.state.TimestampedWindowStore;
import io.sluice.state.WindowStore;
import io.sluice.state.internals.CapturingStoreContext.Change;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeLoggingTest {

  private final CapturingStoreContext context = new CapturingStoreContext();

  @AfterEach
  void tearDown() {
    context.close();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void keyValueWritesAreLoggedWithTheRecordTimestamp() {
    KeyValueStore<String, String> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("kv"), Serdes.String(), Serdes.String())
            .build();
    store.init(context, store);
    context.setRecordTimestamp(42);
    store.put("a", "1");
    context.setRecordTimestamp(43);
    assertThat(store.putIfAbsent("a", "2")).isEqualTo("1"); // no change, not logged
    assertThat(store.delete("a")).isEqualTo("1");

    List<Change> log = context.changelog("kv");
    assertThat(log).hasSize(2);
    assertThat(log.get(0).key()).isEqualTo(Bytes.wrap(utf8("a")));
    assertThat(log.get(0).value()).isEqualTo(utf8("1"));
    assertThat(log.get(0).timestamp()).isEqualTo(42);
    assertThat(log.get(1).value()).as("tombstone").isNull();
    assertThat(log.get(1).timestamp()).isEqualTo(43);
  }

  @Test
  void withoutARecordContextStreamTimeStampsTheChange() {
    KeyValueStore<String, String> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("kv"), Serdes.String(), Serdes.String())
            .build();
    store.init(context, store);
    context.setRecordContext(null);
    context.setStreamTime(77);
    store.put("a", "1");
    assertThat(context.changelog("kv").get(0).timestamp()).isEqualTo(77);
  }

  @Test
  void loggingDisabledWritesNoChangelog() {
    KeyValueStore<String, String> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("kv"), Serdes.String(), Serdes.String())
            .withLoggingDisabled()
            .build();
    store.init(context, store);
    store.put("a", "1");
    assertThat(store.get("a")).isEqualTo("1");
    assertThat(context.changes()).isEmpty();
    assertThat(context.registered()).containsKey("kv");
  }

  @Test
  void windowChangelogKeysAreKeyStartAndSequence() {
    WindowStore<String, String> store =
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(
                    "w", Duration.ofMillis(100), Duration.ofMillis(10), true),
                Serdes.String(),
                Serdes.String())
            .build();
    store.init(context, store);
    store.put("k", "1", 20);
    store.put("k", "2", 20);
    store.put("k", null, 20); // ignored when duplicates are retained

    List<Change> log = context.changelog("w");
    assertThat(log).hasSize(2);
    byte[] expected = ByteBuffer.allocate(1 + 12).put(utf8("k")).putLong(20).putInt(1).array();
    assertThat(log.get(0).key().get()).isEqualTo(expected);
    assertThat(WindowKeySchema.seq(log.get(1).key().get())).isEqualTo(2);
    assertThat(WindowKeySchema.key(log.get(1).key().get())).isEqualTo(Bytes.wrap(utf8("k")));
    assertThat(WindowKeySchema.windowStart(log.get(1).key().get())).isEqualTo(20);
    try (var it = store.fetch("k", 0, 100)) {
      assertThat(it.next().value()).isEqualTo("1");
      assertThat(it.next().value()).isEqualTo("2");
      assertThat(it.hasNext()).isFalse();
    }
    try (var it = store.all()) {
      assertThat(it.next().key()).isEqualTo(new Windowed<>("k", new Window(20, 30)));
    }
  }

  @Test
  void sessionChangelogKeysAreKeyEndAndStart() {
    SessionStore<String, Long> store =
        Stores.sessionStoreBuilder(
                Stores.inMemorySessionStore("s", Duration.ofMillis(100)),
                Serdes.String(),
                Serdes.Long())
            .build();
    store.init(context, store);
    store.put(new Windowed<>("k", new Window(5, 9)), 3L);
    store.remove(new Windowed<>("k", new Window(5, 9)));

    List<Change> log = context.changelog("s");
    byte[] expected = ByteBuffer.allocate(1 + 16).put(utf8("k")).putLong(9).putLong(5).array();
    assertThat(log.get(0).key().get()).isEqualTo(expected);
    assertThat(SessionKeySchema.start(expected)).isEqualTo(5);
    assertThat(SessionKeySchema.end(expected)).isEqualTo(9);
    assertThat(log.get(1).key().get()).isEqualTo(expected);
    assertThat(log.get(1).value()).isNull();
  }

  @Test
  void timestampedStoresKeepValueAndTimestampInTheSerdesFormat() {
    TimestampedKeyValueStore<String, String> kv =
        Stores.timestampedKeyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("tkv"), Serdes.String(), Serdes.String())
            .build();
    kv.init(context, kv);
    kv.put("a", ValueAndTimestamp.make("1", 99));
    assertThat(kv.get("a")).isEqualTo(new ValueAndTimestamp<>("1", 99));
    byte[] logged = context.changelog("tkv").get(0).value();
    assertThat(ValueAndTimestampSerde.rawTimestamp(logged)).isEqualTo(99);
    assertThat(ValueAndTimestampSerde.rawValue(logged)).isEqualTo(utf8("1"));

    TimestampedWindowStore<String, Long> window =
        Stores.<String, Long>timestampedWindowStoreBuilder(
                Stores.inMemoryWindowStore(
                    "tw", Duration.ofMillis(50), Duration.ofMillis(10), false),
                null,
                null)
            .build();
    context.setDefaultSerdes(Serdes.String(), Serdes.Long());
    window.init(context, window);
    window.put("a", ValueAndTimestamp.make(5L, 12), 10);
    assertThat(window.fetch("a", 10)).isEqualTo(new ValueAndTimestamp<>(5L, 12));
    assertThat(ValueAndTimestampSerde.rawTimestamp(context.changelog("tw").get(0).value()))
        .isEqualTo(12);
  }

  private static WindowStore<String, String> duplicateWindowStore() {
    return duplicateWindowStore(false);
  }

  private static WindowStore<String, String> duplicateWindowStore(boolean persistent) {
    return Stores.windowStoreBuilder(
            persistent
                ? Stores.persistentWindowStore(
                    "w", Duration.ofMillis(100), Duration.ofMillis(10), true)
                : Stores.inMemoryWindowStore(
                    "w", Duration.ofMillis(100), Duration.ofMillis(10), true),
            Serdes.String(),
            Serdes.String())
        .build();
  }

  private static List<String> values(WindowStore<String, String> store) {
    List<String> values = new java.util.ArrayList<>();
    try (var it = store.fetch("k", 0, 100)) {
      it.forEachRemaining(kv -> values.add(kv.value()));
    }
    return values;
  }

  @ParameterizedTest(name = "persistent={0}")
  @ValueSource(booleans = {false, true})
  void duplicatesPutAfterARestoreGetNewChangelogKeys(boolean persistent) {
    WindowStore<String, String> first = duplicateWindowStore(persistent);
    first.init(context, first);
    first.put("k", "1", 20);
    first.put("k", "2", 20);

    try (CapturingStoreContext second = new CapturingStoreContext();
        CapturingStoreContext third = new CapturingStoreContext()) {
      WindowStore<String, String> restored = duplicateWindowStore(persistent);
      restored.init(second, restored);
      second.restore("w", context.changelog("w"));
      restored.put("k", "3", 20);
      assertThat(values(restored)).containsExactly("1", "2", "3");

      List<Change> whole = new java.util.ArrayList<>(context.changelog("w"));
      whole.addAll(second.changelog("w"));
      java.util.Map<Bytes, Change> lastPerKey = new java.util.LinkedHashMap<>();
      for (Change c : whole) {
        lastPerKey.remove(c.key());
        lastPerKey.put(c.key(), c);
      }
      List<Change> compacted = List.copyOf(lastPerKey.values());
      assertThat(compacted).as("no put overwrote another's changelog key").hasSize(3);

      WindowStore<String, String> again = duplicateWindowStore(persistent);
      again.init(third, again);
      third.restore("w", compacted);
      assertThat(values(again)).containsExactly("1", "2", "3");
      first.close();
      restored.close();
      again.close();
    }
  }
}
