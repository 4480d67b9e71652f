package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.RocksDBConfigSetter;
import io.sluice.state.StateStoreException;
import io.sluice.state.WindowStoreIterator;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/** Lifecycle, memory wiring, configuration, errors and restoration of the RocksDB stores. */
class RocksDBStoreTest {

  private static Bytes key(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] value(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void closingTheStoreClosesLeakedIteratorsWithAWarningNamingIt() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    try (RocksDBTestContext context = new RocksDBTestContext()) {
      RocksDBKeyValueStore kv = new RocksDBKeyValueStore("leaky-kv");
      kv.init(context, kv);
      kv.put(key("a"), value("1"));
      KeyValueIterator<Bytes, byte[]> leaked = kv.all();
      KeyValueIterator<Bytes, byte[]> closed = kv.all();
      closed.close();
      RocksDBWindowStore window =
          new RocksDBWindowStore("leaky-window", "rocksdb-window", 100, 10, false, 50);
      window.init(context, window);
      window.put(key("a"), value("1"), 5);
      WindowStoreIterator<byte[]> leakedWindow = window.fetch(key("a"), 0, 10);
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      kv.close();
      window.close();
      System.setErr(original);
      String log = err.toString(StandardCharsets.UTF_8);
      assertThat(log).contains("Store leaky-kv is closing with 1 iterator(s) still open");
      assertThat(log).contains("Store leaky-window is closing with 1 iterator(s) still open");
      assertThatThrownBy(leaked::hasNext)
          .isInstanceOf(StateStoreException.class)
          .hasMessageContaining("leaky-kv");
      assertThatThrownBy(leakedWindow::hasNext)
          .isInstanceOf(StateStoreException.class)
          .hasMessageContaining("leaky-window");
    } finally {
      System.setErr(original);
    }
  }

  @Test
  void allStoresShareOneCacheAndWriteBufferManagerSizedBySetting() {
    long bound = 8L * 1024 * 1024;
    try (RocksDBTestContext context =
        new RocksDBTestContext(Map.of(RocksDBMemory.CONFIG, String.valueOf(bound)))) {
      RocksDBKeyValueStore a = new RocksDBKeyValueStore("a");
      RocksDBKeyValueStore b = new RocksDBKeyValueStore("b");
      a.init(context, a);
      b.init(context, b);
      RocksDBMemory.Lease leaseA = a.database().memory();
      RocksDBMemory.Lease leaseB = b.database().memory();
      assertThat(leaseA.cache()).isSameAs(leaseB.cache());
      assertThat(leaseA.writeBufferManager()).isSameAs(leaseB.writeBufferManager());
      assertThat(leaseA.maxBytes()).isEqualTo(bound);
      for (int i = 0; i < 2_000; i++) {
        a.put(key("k" + i), new byte[100]);
      }
      assertThat(leaseA.cache().getUsage())
          .as("memtable memory is charged to the shared cache")
          .isPositive();
      a.close();
      b.close();
      RocksDBKeyValueStore c = new RocksDBKeyValueStore("c");
      c.init(context, c);
      assertThat(c.database().memory().cache())
          .as("the last holder closed the old cache; a new one is made")
          .isNotSameAs(leaseA.cache());
      c.close();
    }
  }

  @Test
  void memoryBoundMustBePositive() {
    try (RocksDBTestContext context =
        new RocksDBTestContext(Map.of(RocksDBMemory.CONFIG, "lots"))) {
      RocksDBKeyValueStore store = new RocksDBKeyValueStore("bounded");
      assertThatThrownBy(() -> store.init(context, store))
          .isInstanceOf(StateStoreException.class)
          .hasMessageContaining("bounded")
          .hasMessageContaining(RocksDBMemory.CONFIG)
          .hasMessageContaining("'lots'");
    }
  }

  @Test
  void configSetterIsCalledPerInstanceAndClosedAfterIt() {
    RecordingConfigSetter.CALLS.clear();
    try (RocksDBTestContext context =
        new RocksDBTestContext(
            Map.of(
                RocksDBConfigSetter.CONFIG,
                RecordingConfigSetter.class.getName(),
                "marker",
                "m"))) {
      RocksDBKeyValueStore store = new RocksDBKeyValueStore("tuned");
      store.init(context, store);
      assertThat(store.database().options().writeBufferSize())
          .isEqualTo(RecordingConfigSetter.WRITE_BUFFER_SIZE);
      assertThat(RecordingConfigSetter.CALLS).containsExactly("set:tuned:m");
      store.close();
      assertThat(RecordingConfigSetter.CALLS).containsExactly("set:tuned:m", "close:tuned");
    }
  }

  @Test
  void unknownConfigSetterFailsNamingTheSettingAndStore() {
    try (RocksDBTestContext context =
        new RocksDBTestContext(Map.of(RocksDBConfigSetter.CONFIG, "no.such.Setter"))) {
      RocksDBKeyValueStore store = new RocksDBKeyValueStore("tuned");
      assertThatThrownBy(() -> store.init(context, store))
          .isInstanceOf(StateStoreException.class)
          .hasMessageContaining("tuned")
          .hasMessageContaining(RocksDBConfigSetter.CONFIG)
          .hasMessageContaining("no.such.Setter");
    }
  }

  @Test
  void rocksDbErrorsBecomeStateStoreExceptionsNamingStoreAndOperation() {
    try (RocksDBTestContext context = new RocksDBTestContext()) {
      RocksDBKeyValueStore first = new RocksDBKeyValueStore("locked");
      first.init(context, first);
      RocksDBKeyValueStore second = new RocksDBKeyValueStore("locked");
      assertThatThrownBy(() -> second.init(context, second))
          .isInstanceOf(StateStoreException.class)
          .hasMessageContaining("store locked: cannot open RocksDB")
          .hasMessageContaining("rocksdb" + File.separator + "locked");
      first.close();
      assertThatThrownBy(() -> first.get(key("a")))
          .isInstanceOf(StateStoreException.class)
          .hasMessageContaining("locked");
    }
  }

  @Test
  void dataSurvivesReopenAndExpiredSegmentsAreDeleted() {
    try (RocksDBTestContext context = new RocksDBTestContext()) {
      RocksDBWindowStore store =
          new RocksDBWindowStore("windows", "rocksdb-window", 100, 10, true, 50);
      store.init(context, store);
      store.put(key("a"), value("1"), 10);
      store.put(key("a"), value("2"), 10);
      store.close();
      store = new RocksDBWindowStore("windows", "rocksdb-window", 100, 10, true, 50);
      store.init(context, store);
      store.put(key("a"), value("3"), 10);
      assertThat(values(store.fetch(key("a"), 0, 20))).containsExactly("1", "2", "3");
      File dir = new File(context.stateDir(), "rocksdb/windows");
      assertThat(new File(dir, "segment-0")).isDirectory();
      store.put(key("b"), value("4"), 260);
      assertThat(new File(dir, "segment-0")).doesNotExist();
      assertThat(values(store.fetch(key("a"), 0, 20))).isEmpty();
      store.close();
    }
  }

  @Test
  void restoreWritesChangelogRecordsLikeTheInMemoryStores() {
    try (RocksDBTestContext context = new RocksDBTestContext()) {
      RocksDBKeyValueStore kv = new RocksDBKeyValueStore("kv");
      kv.init(context, kv);
      context
          .callback("kv")
          .restoreBatch(
              List.of(
                  record(key("a").get(), value("1")),
                  record(key("b").get(), value("2")),
                  record(key("a").get(), null)));
      assertThat(kv.get(key("a"))).isNull();
      assertThat(kv.get(key("b"))).isEqualTo(value("2"));
      kv.close();

      RocksDBWindowStore window = new RocksDBWindowStore("w", "rocksdb-window", 100, 10, false, 50);
      window.init(context, window);
      context
          .callback("w")
          .restoreBatch(
              List.of(
                  record(WindowKeySchema.toStoreKey(key("a"), 20, 0).get(), value("x")),
                  record(WindowKeySchema.toStoreKey(key("a"), 70, 0).get(), value("y"))));
      assertThat(window.fetch(key("a"), 20)).isEqualTo(value("x"));
      assertThat(window.fetch(key("a"), 70)).isEqualTo(value("y"));
      window.close();

      RocksDBSessionStore session = new RocksDBSessionStore("s", "rocksdb-session", 100, 50);
      session.init(context, session);
      context
          .callback("s")
          .restoreBatch(
              List.of(record(SessionKeySchema.toStoreKey(key("a"), 5, 9).get(), value("agg"))));
      try (KeyValueIterator<Windowed<Bytes>, byte[]> it = session.fetch(key("a"))) {
        assertThat(it.next().key()).isEqualTo(new Windowed<>(key("a"), new Window(5, 9)));
        assertThat(it.hasNext()).isFalse();
      }
      session.close();
    }
  }

  @Test
  void streamTimeIsRecoveredOnReopenSoExpiredWindowsStayHidden() {
    try (RocksDBTestContext context = new RocksDBTestContext()) {
      RocksDBWindowStore store =
          new RocksDBWindowStore("recovered", "rocksdb-window", 100, 10, false, 500);
      store.init(context, store);
      store.put(key("a"), value("old"), 10);
      store.put(key("b"), value("new"), 150);
      assertThat(values(store.fetch(key("a"), 0, 20))).isEmpty();
      store.close();
      store = new RocksDBWindowStore("recovered", "rocksdb-window", 100, 10, false, 500);
      store.init(context, store);
      assertThat(values(store.fetch(key("a"), 0, 20))).isEmpty();
      assertThat(values(store.fetch(key("b"), 100, 200))).containsExactly("new");
      store.close();
    }
  }

  @Test
  void readsRacingACloseFailCleanly() throws Exception {
    try (RocksDBTestContext context = new RocksDBTestContext()) {
      RocksDBKeyValueStore store = new RocksDBKeyValueStore("raced");
      store.init(context, store);
      for (int i = 0; i < 100; i++) {
        store.put(key("k" + i), value("v"));
      }
      java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(50);
      java.util.concurrent.atomic.AtomicReference<Throwable> unexpected =
          new java.util.concurrent.atomic.AtomicReference<>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  while (true) {
                    store.get(key("k1"));
                    try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
                      while (it.hasNext()) {
                        it.next();
                      }
                    }
                    reading.countDown();
                  }
                } catch (StateStoreException expected) {
                  // The store closed under the reader: the only acceptable failure.
                } catch (Throwable t) {
                  unexpected.set(t);
                }
              });
      reader.start();
      assertThat(reading.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      store.close();
      reader.join(30_000);
      assertThat(reader.isAlive()).isFalse();
      assertThat(unexpected.get()).isNull();
    }
  }

  private static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value) {
    return new ConsumerRecord<>("app-store-changelog", 0, 0, key, value);
  }

  private static List<String> values(WindowStoreIterator<byte[]> it) {
    List<String> out = new ArrayList<>();
    try (it) {
      it.forEachRemaining(kv -> out.add(new String(kv.value(), StandardCharsets.UTF_8)));
    }
    return out;
  }
}
