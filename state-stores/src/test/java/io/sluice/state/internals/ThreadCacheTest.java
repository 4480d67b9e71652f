package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.state.KeyValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadCacheTest {

  private final Metrics metrics = new Metrics();
  private final List<String> flushed = new ArrayList<>();

  @AfterEach
  void closeMetrics() {
    metrics.close();
  }

  private static Bytes key(String k) {
    return Bytes.wrap(k.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] value(String v) {
    return v.getBytes(StandardCharsets.UTF_8);
  }

  private static CacheEntry dirty(String v) {
    return new CacheEntry(
        v == null ? null : value(v),
        true,
        new ProcessorRecordContext(7, 1, 0, "t", new RecordHeaders()));
  }

  /** Bytes one entry of a 1-byte key and 1-byte value takes. */
  private static long oneEntry() {
    return 1 + dirty("x").sizeInBytes();
  }

  private ThreadCache.FlushListener recorder(String ns) {
    return entries ->
        entries.forEach(
            e ->
                flushed.add(
                    ns
                        + ":"
                        + new String(e.key().get(), StandardCharsets.UTF_8)
                        + "="
                        + (e.value() == null
                            ? "null"
                            : new String(e.value(), StandardCharsets.UTF_8))));
  }

  @Test
  void evictsTheLeastRecentlyUsedEntryAcrossNamespaces() {
    ThreadCache cache = new ThreadCache(3 * oneEntry(), metrics, "t1");
    cache.open("a", recorder("a"));
    cache.open("b", recorder("b"));
    cache.putIfAbsentClean("a", key("1"), value("x"));
    cache.putIfAbsentClean("b", key("2"), value("y"));
    cache.putIfAbsentClean("a", key("3"), value("z"));
    assertThat(cache.get("a", key("1"))).isNotNull();
    cache.putIfAbsentClean("b", key("4"), value("w"));

    assertThat(cache.get("b", key("2"))).as("least recently used, evicted").isNull();
    assertThat(cache.get("a", key("1"))).isNotNull();
    assertThat(cache.entries()).isEqualTo(3);
    assertThat(cache.sizeBytes()).isEqualTo(3 * (1 + new CacheEntry(value("x"), false, null)
        .sizeInBytes()));
    assertThat(cache.evictions()).isEqualTo(1);
    assertThat(flushed).as("clean entries evict without flushing").isEmpty();
    MetricName total =
        metrics.metricName(
            "evictions-total", ThreadCache.GROUP, "", java.util.Map.of("thread-id", "t1"));
    assertThat(metrics.metric(total).metricValue()).isEqualTo(1.0);
    cache.close();
    assertThat(metrics.metric(total)).isNull();
  }

  @Test
  void evictingADirtyEntryFlushesItsWholeNamespaceInWriteOrder() {
    ThreadCache cache = new ThreadCache(3 * oneEntry(), metrics, "t1");
    cache.open("a", recorder("a"));
    cache.open("b", recorder("b"));
    cache.put("a", key("1"), dirty("x"));
    cache.put("a", key("2"), dirty("y"));
    cache.put("b", key("3"), dirty("z"));
    cache.put("a", key("1"), dirty(null));
    assertThat(flushed).isEmpty();

    cache.put("b", key("4"), dirty("w"));

    assertThat(flushed).as("a:2 was eldest; a flushes in last-write order").containsExactly(
        "a:2=y", "a:1=null");
    assertThat(cache.get("a", key("2"))).isNull();
    assertThat(cache.get("a", key("1")).dirty()).isFalse();
    assertThat(cache.get("b", key("3")).dirty()).isTrue();
    assertThat(cache.sizeBytes()).isLessThanOrEqualTo(cache.maxBytes());
  }

  @Test
  void flushHandsOverDirtyEntriesOnceAndCloseDropsThemUnflushed() {
    ThreadCache cache = new ThreadCache(1 << 20, metrics, "t1");
    cache.open("a", recorder("a"));
    cache.put("a", key("1"), dirty("x"));
    cache.put("a", key("1"), dirty("y"));
    cache.put("a", key("2"), dirty("z"));
    cache.flush("a");
    cache.flush("a");
    assertThat(flushed).containsExactly("a:1=y", "a:2=z");

    cache.put("a", key("3"), dirty("q"));
    cache.close("a");
    assertThat(flushed).hasSize(2);
    assertThat(cache.entries()).isZero();
    assertThat(cache.sizeBytes()).isZero();
    assertThatThrownBy(() -> cache.put("a", key("1"), dirty("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cache namespace a is not open");
  }

  @Test
  void resizingDownEvictsAndZeroPassesEveryWriteThrough() {
    ThreadCache cache = new ThreadCache(10 * oneEntry(), metrics, "t1");
    cache.open("a", recorder("a"));
    for (int i = 0; i < 5; i++) {
      cache.put("a", key(Integer.toString(i)), dirty("v"));
    }
    assertThat(flushed).isEmpty();
    cache.resize(2 * oneEntry());
    assertThat(flushed).hasSize(5);
    assertThat(cache.entries()).isEqualTo(2);

    cache.resize(0);
    assertThat(cache.entries()).isZero();
    cache.put("a", key("9"), dirty("v"));
    assertThat(flushed).last().isEqualTo("a:9=v");
    assertThat(cache.entries()).isZero();
    assertThatThrownBy(() -> cache.resize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("statestore.cache.max.bytes must be >= 0");
  }

  @Test
  void headersChangedAfterAWriteDoNotSkewTheByteCount() {
    RecordHeaders headers = new RecordHeaders();
    CacheEntry entry =
        new CacheEntry(new byte[5], true, new ProcessorRecordContext(0, 0, 0, "t", headers));
    ThreadCache cache = new ThreadCache(1000, metrics, "t1");
    cache.open("a", recorder("a"));
    cache.put("a", Bytes.wrap(new byte[3]), entry);
    long charged = cache.sizeBytes();
    // The processor changes its record's headers after the write; replacing the entry must
    // subtract what was added, not a size recomputed from the changed headers.
    headers.add("late", new byte[5000]);
    cache.put("a", Bytes.wrap(new byte[3]), new CacheEntry(new byte[5], true, null));
    assertThat(cache.sizeBytes()).isEqualTo(charged - 1);
    assertThat(cache.sizeBytes()).isPositive();
  }

  @Test
  void sizeCountsKeysValuesAndHeaders() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("h", new byte[10]);
    CacheEntry withHeaders =
        new CacheEntry(new byte[5], true, new ProcessorRecordContext(0, 0, 0, "topic", headers));
    assertThat(withHeaders.sizeInBytes()).isEqualTo(CacheEntry.OVERHEAD_BYTES + 5 + 5 + 1 + 10);
    ThreadCache cache = new ThreadCache(1000, metrics, "t1");
    cache.open("a", recorder("a"));
    cache.put("a", Bytes.wrap(new byte[3]), withHeaders);
    assertThat(cache.sizeBytes()).isEqualTo(3 + withHeaders.sizeInBytes());
  }

  @Test
  void rangeAndPrefixAreSnapshotsInUnsignedOrder() {
    ThreadCache cache = new ThreadCache(1 << 20, metrics, "t1");
    cache.open("a", recorder("a"));
    for (byte b : new byte[] {(byte) 0x80, 0x01, (byte) 0xff, 0x7f}) {
      cache.put("a", Bytes.wrap(new byte[] {b, 0}), dirty("v"));
    }
    List<KeyValue<Bytes, CacheEntry>> all = cache.range("a", null, null);
    assertThat(all.stream().map(kv -> kv.key().get()[0]).toList())
        .containsExactly((byte) 0x01, (byte) 0x7f, (byte) 0x80, (byte) 0xff);
    assertThat(cache.prefix("a", Bytes.wrap(new byte[] {(byte) 0x80}))).hasSize(1);
    assertThat(cache.range("a", Bytes.wrap(new byte[] {(byte) 0xff}), Bytes.wrap(new byte[1])))
        .isEmpty();
    cache.put("a", Bytes.wrap(new byte[] {2}), dirty("v"));
    assertThat(all).as("a snapshot does not change").hasSize(4);
  }

  @Test
  void readsFromAnotherThreadWhileTheOwnerWritesSeeOnlyWrittenValues() throws Exception {
    ThreadCache cache = new ThreadCache(20 * oneEntry(), metrics, "t1");
    List<String> written = new ArrayList<>();
    cache.open("a", entries -> entries.forEach(e -> written.add("flushed")));
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<Long> reads =
          reader.submit(
              () -> {
                long seen = 0;
                started.countDown();
                do {
                  for (int k = 0; k < 50; k++) {
                    CacheEntry e = cache.get("a", key("k" + k));
                    if (e != null) {
                      String v = new String(e.value(), StandardCharsets.UTF_8);
                      assertThat(v).startsWith("k" + k + "-");
                      seen++;
                    }
                  }
                  for (KeyValue<Bytes, CacheEntry> kv : cache.range("a", null, null)) {
                    assertThat(new String(kv.value().value(), StandardCharsets.UTF_8))
                        .startsWith(new String(kv.key().get(), StandardCharsets.UTF_8) + "-");
                  }
                } while (!done.get());
                return seen;
              });
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 20_000; i++) {
        int k = i % 50;
        cache.put("a", key("k" + k), dirty("k" + k + "-" + i));
        if (i % 1000 == 0) {
          cache.flush("a");
        }
      }
      done.set(true);
      assertThat(reads.get(30, TimeUnit.SECONDS)).isPositive();
      assertThat(written).isNotEmpty();
    } finally {
      done.set(true);
      reader.shutdownNow();
    }
  }
}
