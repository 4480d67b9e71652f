package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.KeyValueStoreBuilder;
import io.sluice.state.Stores;
import io.sluice.state.TimestampedKeyValueStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** Unit tests of the time-to-live layer of key-value stores (ttl 100 ms unless said). */
class TtlKeyValueStoreTest {

  private static final Duration TTL = Duration.ofMillis(100);

  /** One update reported to the flush listener. */
  record Forward(String key, String newValue, String oldValue, long timestamp) {}

  private static KeyValueStoreBuilder<KeyValueStore<String, String>> builder() {
    return Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("kv"), Serdes.String(), Serdes.String())
        .withTtl(TTL);
  }

  private static TimeToLiveKeyValueStore ttlLayer(KeyValueStore<?, ?> store) {
    return (TimeToLiveKeyValueStore) ((MeteredKeyValueStore<?, ?>) store).wrapped();
  }

  @Test
  void expiryVisitsOnlyTheKeysThatExpire() {
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      KeyValueStore<String, String> store = builder().build();
      store.init(context, store);
      context.setStreamTime(0);
      context.setRecordTimestamp(0);
      for (int i = 0; i < 5; i++) {
        store.put("old-" + i, "v");
      }
      context.setStreamTime(50);
      context.setRecordTimestamp(50);
      for (int i = 0; i < 1000; i++) {
        store.put("young-" + i, "v");
      }
      assertThat(ttlLayer(store).index().examined()).isZero();

      context.setStreamTime(120);
      int logged = context.changelog("kv").size();
      store.flush();

      assertThat(ttlLayer(store).index().examined()).isEqualTo(5);
      assertThat(context.changelog("kv").subList(logged, logged + 5))
          .allSatisfy(change -> assertThat(change.value()).isNull())
          .extracting(change -> new String(change.key().get()))
          .containsExactlyInAnyOrder("old-0", "old-1", "old-2", "old-3", "old-4");
      assertThat(context.changelog("kv")).hasSize(logged + 5);
      assertThat(store.approximateNumEntries()).isEqualTo(1000);
      assertThat(store.get("young-7")).isEqualTo("v");
      store.close();
    }
  }

  @Test
  void readsNeverReturnAnExpiredEntryEvenBeforeItIsRemoved() {
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      KeyValueStore<String, String> store = builder().build();
      store.init(context, store);
      context.setStreamTime(0);
      context.setRecordTimestamp(0);
      store.put("a", "1");
      context.setStreamTime(100);
      assertThat(store.get("a")).as("exactly the ttl old: still alive").isEqualTo("1");
      context.setStreamTime(101);

      assertThat(store.get("a")).isNull();
      try (KeyValueIterator<String, String> all = store.all()) {
        assertThat(all.hasNext()).isFalse();
      }
      context.setRecordTimestamp(101);
      assertThat(store.putIfAbsent("a", "2")).as("an expired key is absent").isNull();
      assertThat(store.get("a")).isEqualTo("2");
      store.close();
    }
  }

  @Test
  void theWriteTimeIsTheRecordTimestampAndTravelsInTheChangelogValue() {
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      KeyValueStore<String, String> store = builder().build();
      store.init(context, store);
      context.setStreamTime(500);
      context.setRecordTimestamp(450);
      store.put("a", "1");

      CapturingStoreContext.Change change = context.changelog("kv").get(0);
      assertThat(ByteBuffer.wrap(change.value()).getLong()).isEqualTo(450);
      assertThat(change.timestamp()).isEqualTo(450);
      context.setStreamTime(551);
      assertThat(store.get("a")).as("written at 450, so expired after 550").isNull();
      store.close();
    }
  }

  @Test
  void theFlushListenerReceivesATombstoneForAnExpiredCachedEntry() {
    try (CapturingStoreContext context = new CapturingStoreContext();
        Metrics metrics = new Metrics();
        ThreadCache cache = new ThreadCache(1 << 20, metrics, "t")) {
      context.setCache(cache);
      KeyValueStore<String, String> store = builder().withCachingEnabled().build();
      store.init(context, store);
      List<Forward> forwards = new ArrayList<>();
      assertThat(((MeteredKeyValueStore<String, String>) store)
              .setFlushListener((k, n, o, ts) -> forwards.add(new Forward(k, n, o, ts)), true))
          .isTrue();
      context.setStreamTime(0);
      context.setRecordTimestamp(0);
      store.put("a", "1");
      store.put("b", "2");
      store.flush();
      assertThat(forwards).containsExactly(
          new Forward("a", "1", null, 0), new Forward("b", "2", null, 0));

      context.setStreamTime(90);
      context.setRecordTimestamp(90);
      store.put("b", "3");
      context.setStreamTime(150);
      context.setRecordTimestamp(150);
      forwards.clear();
      store.flush();

      // The expiry is a write made at the flush, after b's update.
      assertThat(forwards).containsExactly(
          new Forward("b", "3", "2", 90), new Forward("a", null, "1", 150));
      List<CapturingStoreContext.Change> log = context.changelog("kv");
      assertThat(log.get(log.size() - 1).value()).isNull();
      assertThat(new String(log.get(log.size() - 1).key().get())).isEqualTo("a");
      store.close();
    }
  }

  /** An update the listener received, with the record context current while it ran. */
  record Seen(Forward forward, ProcessorRecordContext context) {}

  private static List<Seen> listen(
      KeyValueStore<String, String> store, CapturingStoreContext context, boolean caches) {
    List<Seen> seen = new ArrayList<>();
    assertThat(((MeteredKeyValueStore<String, String>) store).setFlushListener(
            (k, n, o, ts) -> seen.add(new Seen(new Forward(k, n, o, ts), context.recordContext())),
            true))
        .isEqualTo(caches);
    return seen;
  }

  /** The record context an expiry at {@code streamTime} is reported under. */
  private static void assertExpiryContext(ProcessorRecordContext context, long streamTime) {
    assertThat(context.timestamp()).isEqualTo(streamTime);
    assertThat(context.topic()).isNull();
    assertThat(context.partition()).isEqualTo(-1);
    assertThat(context.offset()).isEqualTo(-1L);
    assertThat(context.headers().toArray()).isEmpty();
  }

  private static List<CapturingStoreContext.Change> tombstonesOf(
      CapturingStoreContext context, String key) {
    return context.changelog("kv").stream()
        .filter(c -> new String(c.key().get()).equals(key) && c.value() == null)
        .toList();
  }

  @Test
  void withoutCachingTheListenerReceivesEachExpiryOnceUnderAnExpiryContext() {
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      KeyValueStore<String, String> store = builder().withCachingDisabled().build();
      store.init(context, store);
      List<Seen> seen = listen(store, context, false);
      context.setStreamTime(0);
      context.setRecordTimestamp(0);
      store.put("a", "1");
      store.put("b", "2");
      context.setStreamTime(50);
      context.setRecordTimestamp(50);
      store.put("c", "3");
      assertThat(seen).as("ordinary writes are not reported without caching").isEmpty();

      context.setStreamTime(130);
      context.setRecordTimestamp(130);
      ProcessorRecordContext atCommit = context.recordContext();
      store.flush();
      assertThat(seen).extracting(Seen::forward).containsExactlyInAnyOrder(
          new Forward("a", null, "1", 130), new Forward("b", null, "2", 130));
      assertThat(seen).allSatisfy(s -> assertExpiryContext(s.context(), 130));
      assertThat(context.recordContext()).as("restored after the flush").isSameAs(atCommit);
      assertThat(tombstonesOf(context, "a")).singleElement()
          .satisfies(c -> assertThat(c.timestamp()).isEqualTo(130));
      assertThat(tombstonesOf(context, "b")).hasSize(1);

      seen.clear();
      store.flush();
      assertThat(seen).as("an expiry is reported once").isEmpty();

      // A late record at 180 arrives at stream time 200: c (written at 50) expires before it.
      context.setStreamTime(200);
      context.setRecordTimestamp(180);
      ProcessorRecordContext late = context.recordContext();
      store.put("d", "4");
      assertThat(seen).singleElement().satisfies(s -> {
        assertThat(s.forward()).isEqualTo(new Forward("c", null, "3", 200));
        assertExpiryContext(s.context(), 200);
      });
      assertThat(context.recordContext()).as("restored after the put").isSameAs(late);
      assertThat(tombstonesOf(context, "c")).singleElement()
          .satisfies(c -> assertThat(c.timestamp()).isEqualTo(200));
      List<CapturingStoreContext.Change> log = context.changelog("kv");
      assertThat(log.get(log.size() - 1).timestamp()).as("d's own write").isEqualTo(180);
      assertThat(store.get("c")).isNull();
      store.close();
    }
  }

  @Test
  void withCachingEachExpiryIsReportedOnceUnderAnExpiryContext() {
    try (CapturingStoreContext context = new CapturingStoreContext();
        Metrics metrics = new Metrics();
        ThreadCache cache = new ThreadCache(1 << 20, metrics, "t")) {
      context.setCache(cache);
      KeyValueStore<String, String> store = builder().withCachingEnabled().build();
      store.init(context, store);
      List<Seen> seen = listen(store, context, true);
      context.setStreamTime(0);
      context.setRecordTimestamp(0);
      store.put("a", "1");
      store.flush();
      seen.clear();

      context.setStreamTime(150);
      context.setRecordTimestamp(140);
      store.put("b", "2");
      store.flush();
      assertThat(seen).extracting(Seen::forward).containsExactly(
          new Forward("a", null, "1", 150), new Forward("b", "2", null, 140));
      assertExpiryContext(seen.get(0).context(), 150);
      assertThat(seen.get(1).context().topic()).isEqualTo("input");
      assertThat(tombstonesOf(context, "a")).singleElement()
          .satisfies(c -> assertThat(c.timestamp()).isEqualTo(150));

      seen.clear();
      store.flush();
      assertThat(seen).as("an expiry is reported once").isEmpty();
      store.close();
    }
  }

  @Test
  void aCachingStoreWithoutAThreadCacheStillReportsExpiries() {
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      KeyValueStore<String, String> store = builder().withCachingEnabled().build();
      store.init(context, store);
      // No thread cache: writes pass through unreported, so the store says it does not cache.
      List<Seen> seen = listen(store, context, false);
      context.setStreamTime(0);
      context.setRecordTimestamp(0);
      store.put("a", "1");
      context.setStreamTime(101);
      store.flush();
      assertThat(seen).singleElement().satisfies(s -> {
        assertThat(s.forward()).isEqualTo(new Forward("a", null, "1", 101));
        assertExpiryContext(s.context(), 101);
      });
      store.close();
    }
  }

  @Test
  void anEntryThatExpiresWhileStillCachedIsNeitherForwardedNorLogged() {
    try (CapturingStoreContext context = new CapturingStoreContext();
        Metrics metrics = new Metrics();
        ThreadCache cache = new ThreadCache(1 << 20, metrics, "t")) {
      context.setCache(cache);
      KeyValueStore<String, String> store = builder().withCachingEnabled().build();
      store.init(context, store);
      List<Forward> forwards = new ArrayList<>();
      ((MeteredKeyValueStore<String, String>) store)
          .setFlushListener((k, n, o, ts) -> forwards.add(new Forward(k, n, o, ts)), true);
      context.setStreamTime(0);
      context.setRecordTimestamp(0);
      store.put("a", "1");
      context.setStreamTime(101);
      assertThat(store.get("a")).as("expired in the cache").isNull();
      store.flush();

      assertThat(forwards).isEmpty();
      assertThat(context.changelog("kv")).allSatisfy(c -> assertThat(c.value()).isNull());
      store.close();
    }
  }

  @Test
  void aRestoreWithoutStreamTimeJudgesByTheNewestWriteItRestores() {
    List<CapturingStoreContext.Change> changelog;
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      KeyValueStore<String, String> store = builder().withCachingDisabled().build();
      store.init(context, store);
      context.setStreamTime(0);
      context.setRecordTimestamp(0);
      store.put("old", "1");
      context.setStreamTime(500);
      context.setRecordTimestamp(500);
      store.put("new", "2");
      // The changelog as a crash before any expiry write left it: "old" was never tombstoned.
      changelog = context.changelog("kv");
      store.close();
    }
    try (CapturingStoreContext fresh = new CapturingStoreContext()) {
      KeyValueStore<String, String> restored = builder().build();
      restored.init(fresh, restored);
      fresh.restore("kv", changelog);

      assertThat(ttlLayer(restored).index().size()).isEqualTo(1);
      assertThat(restored.approximateNumEntries()).as("old was not brought back").isEqualTo(1);
      assertThat(restored.get("old")).isNull();
      assertThat(restored.get("new")).isEqualTo("2");
      assertThat(fresh.changelog("kv")).as("restoring writes no changelog").isEmpty();
      restored.close();
    }
  }

  @Test
  void timestampedStoresExpireToo() {
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      TimestampedKeyValueStore<String, Long> store =
          Stores.timestampedKeyValueStoreBuilder(
                  Stores.persistentTimestampedKeyValueStore("ts"), Serdes.String(), Serdes.Long())
              .withTtl(TTL)
              .build();
      store.init(context, store);
      context.setStreamTime(10);
      context.setRecordTimestamp(10);
      store.put("a", ValueAndTimestamp.make(7L, 3));
      assertThat(store.get("a")).isEqualTo(ValueAndTimestamp.make(7L, 3));
      context.setStreamTime(111);
      assertThat(store.get("a")).isNull();
      store.close();
    }
  }

  @Test
  void theTtlMustBePositive() {
    KeyValueStoreBuilder<KeyValueStore<String, String>> builder = builder();
    assertThat(builder.ttl()).isEqualTo(Optional.of(TTL));
    assertThatThrownBy(() -> builder.withTtl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kv")
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> builder.withTtl(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kv")
        .hasMessageContaining("-0.005S");
    assertThatThrownBy(() -> builder.withTtl(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kv");
    assertThat(Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("plain"), Serdes.String(), Serdes.String()).ttl())
        .isEmpty();
  }

  @Test
  void rangesSkipExpiredEntries() {
    try (CapturingStoreContext context = new CapturingStoreContext()) {
      KeyValueStore<String, String> store = builder().build();
      store.init(context, store);
      context.setStreamTime(0);
      context.setRecordTimestamp(0);
      store.put("a", "1");
      context.setStreamTime(60);
      context.setRecordTimestamp(60);
      store.put("b", "2");
      context.setStreamTime(120);
      List<KeyValue<String, String>> seen = new ArrayList<>();
      try (KeyValueIterator<String, String> range = store.range("a", "z")) {
        assertThat(range.peekNextKey()).isEqualTo("b");
        range.forEachRemaining(seen::add);
      }
      assertThat(seen).containsExactly(new KeyValue<>("b", "2"));
      store.close();
    }
  }

  @Test
  void reopeningLocalStateRebuildsTheTimeIndex() throws IOException {
    try (CapturingStoreContext first = new CapturingStoreContext();
        CapturingStoreContext second = new CapturingStoreContext()) {
      KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore("kv"), Serdes.String(), Serdes.String())
          .withTtl(TTL)
          .build();
      store.init(first, store);
      first.setStreamTime(0);
      first.setRecordTimestamp(0);
      store.put("old", "1");
      first.setStreamTime(80);
      first.setRecordTimestamp(80);
      store.put("new", "2");
      store.flush();
      store.close();
      copyTree(first.stateDir().toPath(), second.stateDir().toPath());

      KeyValueStore<String, String> reopened = Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore("kv"), Serdes.String(), Serdes.String())
          .withTtl(TTL)
          .build();
      reopened.init(second, reopened);
      assertThat(ttlLayer(reopened).index().size()).isEqualTo(2);
      assertThat(reopened.get("old")).as("80 is a lower bound of stream time").isEqualTo("1");
      second.setStreamTime(150);
      second.setRecordTimestamp(150);
      reopened.flush();

      assertThat(ttlLayer(reopened).index().examined()).isEqualTo(1);
      assertThat(second.changelog("kv")).singleElement()
          .satisfies(c -> assertThat(new String(c.key().get())).isEqualTo("old"))
          .satisfies(c -> assertThat(c.value()).isNull());
      assertThat(reopened.get("new")).isEqualTo("2");
      reopened.close();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
