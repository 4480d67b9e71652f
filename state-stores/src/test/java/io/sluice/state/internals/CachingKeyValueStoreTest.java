package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingKeyValueStoreTest {

  private final CapturingStoreContext context = new CapturingStoreContext();
  private final List<String> forwarded = new ArrayList<>();

  @AfterEach
  void tearDown() {
    context.close();
  }

  private MeteredKeyValueStore<String, String> store(long cacheBytes, boolean caching) {
    context.setCache(new ThreadCache(cacheBytes, context.metrics(), "t"));
    var builder =
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("kv"), Serdes.String(), Serdes.String());
    KeyValueStore<String, String> store =
        (caching ? builder.withCachingEnabled() : builder.withCachingDisabled()).build();
    store.init(context, store);
    MeteredKeyValueStore<String, String> metered = (MeteredKeyValueStore<String, String>) store;
    metered.setFlushListener(
        (k, n, o, ts) ->
            forwarded.add(
                k + ":" + o + "->" + n + "@" + ts + "/" + context.recordContext().topic()),
        true);
    return metered;
  }

  private static ProcessorRecordContext record(String topic, long timestamp) {
    return new ProcessorRecordContext(timestamp, 0, 0, topic, new RecordHeaders());
  }

  @Test
  void anEvictionInTheMiddleOfProcessingForwardsUnderTheWritesContextAndRestoresTheCurrentOne() {
    MeteredKeyValueStore<String, String> store = store(0, true);
    ProcessorRecordContext current = record("current", 9);
    context.setRecordContext(record("first", 5));
    store.put("a", "1");
    context.setRecordContext(current);
    store.put("a", "2");
    assertThat(forwarded).containsExactly("a:null->1@5/first", "a:1->2@9/current");
    assertThat(context.recordContext()).isSameAs(current);
    assertThat(context.changelog("kv")).extracting(CapturingStoreContext.Change::timestamp)
        .containsExactly(5L, 9L);
  }

  @Test
  void withCachingDisabledNothingIsReportedAndWritesGoStraightThrough() {
    MeteredKeyValueStore<String, String> store = store(1 << 20, false);
    assertThat(store.setFlushListener((k, n, o, ts) -> { }, true)).isFalse();
    store.put("a", "1");
    assertThat(context.changelog("kv")).hasSize(1);
  }

  @Test
  void withoutAThreadCacheTheCachingLayerPassesThrough() {
    KeyValueStore<String, String> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("kv"), Serdes.String(), Serdes.String())
            .withCachingEnabled()
            .build();
    store.init(context, store);
    store.put("a", "1");
    assertThat(context.changelog("kv")).hasSize(1);
    assertThat(store.get("a")).isEqualTo("1");
    store.close();
  }

  @Test
  void readsRecordTheHitRatio() {
    MeteredKeyValueStore<String, String> store = store(1 << 20, true);
    store.put("a", "1");
    store.get("a");
    store.get("b");
    store.get("b");
    assertThat(value("hit-ratio-max")).isEqualTo(1.0);
    assertThat(value("hit-ratio-min")).isEqualTo(0.5);
    store.close();
    assertThat(metric("hit-ratio-avg")).isNull();
  }

  @Test
  void interactiveQueriesFromAnotherThreadSeeOnlyWrittenValues() throws Exception {
    MeteredKeyValueStore<String, String> store = store(2_000, true);
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> reads =
          reader.submit(
              () -> {
                int seen = 0;
                do {
                  for (int k = 0; k < 20; k++) {
                    String v = store.get("k" + k);
                    if (v != null) {
                      assertThat(v).startsWith("k" + k + "-");
                      seen++;
                    }
                  }
                  try (KeyValueIterator<String, String> it = store.all()) {
                    while (it.hasNext()) {
                      KeyValue<String, String> kv = it.next();
                      assertThat(kv.value()).startsWith(kv.key() + "-");
                    }
                  }
                } while (!done.get());
                return seen;
              });
      for (int i = 0; i < 5_000; i++) {
        context.setRecordTimestamp(i);
        store.put("k" + (i % 20), "k" + (i % 20) + "-" + i);
        if (i % 500 == 0) {
          store.flush();
        }
      }
      done.set(true);
      assertThat(reads.get(30, TimeUnit.SECONDS)).isPositive();
    } finally {
      done.set(true);
      reader.shutdownNow();
    }
    store.close();
  }

  private KafkaMetric metric(String name) {
    for (Map.Entry<MetricName, KafkaMetric> e : context.metrics().metrics().entrySet()) {
      if (e.getKey().name().equals(name) && "kv".equals(e.getKey().tags().get("store-name"))) {
        return e.getValue();
      }
    }
    return null;
  }

  private double value(String name) {
    KafkaMetric m = metric(name);
    assertThat(m).as("metric %s", name).isNotNull();
    return (double) m.metricValue();
  }
}
