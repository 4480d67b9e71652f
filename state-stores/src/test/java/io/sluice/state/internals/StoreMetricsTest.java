package io.sluice.state.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.serdes.Window;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import io.sluice.state.SessionStore;
import io.sluice.state.Stores;
import io.sluice.state.WindowStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreMetricsTest {

  private final CapturingStoreContext context = new CapturingStoreContext();

  @AfterEach
  void tearDown() {
    context.close();
  }

  private KafkaMetric metric(String storeName, String name) {
    for (Map.Entry<MetricName, KafkaMetric> e : context.metrics().metrics().entrySet()) {
      MetricName n = e.getKey();
      if (n.name().equals(name)
          && n.group().equals("stream-state-metrics")
          && storeName.equals(n.tags().get("store-name"))) {
        return e.getValue();
      }
    }
    return null;
  }

  private double value(String storeName, String name) {
    KafkaMetric m = metric(storeName, name);
    assertThat(m).as("metric %s of store %s", name, storeName).isNotNull();
    return (double) m.metricValue();
  }

  @Test
  void keyValueOperationsAreCountedAndTimedWithTaskAndStoreTags() {
    KeyValueStore<String, String> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("kv"), Serdes.String(), Serdes.String())
            .build();
    store.init(context, store);
    store.put("a", "1");
    store.put("b", "2");
    store.get("a");
    store.putIfAbsent("c", "3");
    store.putAll(List.of(KeyValue.pair("d", "4")));
    store.delete("d");
    store.range("a", "b").close();
    store.reverseRange("a", "b").close();
    store.all().close();
    store.prefixScan("a", Serdes.String().serializer()).close();
    store.flush();

    assertThat(value("kv", "put-total")).isEqualTo(2.0);
    assertThat(value("kv", "get-total")).isEqualTo(1.0);
    assertThat(value("kv", "put-if-absent-total")).isEqualTo(1.0);
    assertThat(value("kv", "put-all-total")).isEqualTo(1.0);
    assertThat(value("kv", "delete-total")).isEqualTo(1.0);
    assertThat(value("kv", "range-total")).isEqualTo(2.0);
    assertThat(value("kv", "all-total")).isEqualTo(1.0);
    assertThat(value("kv", "prefix-scan-total")).isEqualTo(1.0);
    assertThat(value("kv", "flush-total")).isEqualTo(1.0);
    assertThat(value("kv", "put-rate")).isGreaterThan(0.0);
    assertThat(value("kv", "put-latency-max")).isGreaterThan(0.0);
    assertThat(value("kv", "get-latency-avg")).isGreaterThan(0.0);

    MetricName name = metric("kv", "put-total").metricName();
    assertThat(name.tags())
        .containsEntry("task-id", "0_1")
        .containsEntry("store-type", "in-memory")
        .containsEntry("store-name", "kv");

    store.close();
    assertThat(metric("kv", "put-total")).as("removed on close").isNull();
  }

  @Test
  void windowAndSessionStoresCountOperationsAndDroppedRecords() {
    WindowStore<String, String> window =
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore("w", Duration.ofMillis(10), Duration.ofMillis(5), false),
                Serdes.String(),
                Serdes.String())
            .build();
    window.init(context, window);
    window.put("a", "1", 100);
    window.put("a", "late", 90); // 90 <= 100 - 10: expired
    window.fetch("a", 100);
    window.fetchAll(0, 200).close();
    assertThat(value("w", "put-total")).isEqualTo(2.0);
    assertThat(value("w", "fetch-total")).isEqualTo(2.0);
    assertThat(value("w", "dropped-records-total")).isEqualTo(1.0);
    assertThat(window.fetch("a", 90)).isNull();

    SessionStore<String, String> session =
        Stores.sessionStoreBuilder(
                Stores.inMemorySessionStore("s", Duration.ofMillis(10)),
                Serdes.String(),
                Serdes.String())
            .build();
    session.init(context, session);
    session.put(new Windowed<>("a", new Window(95, 100)), "1");
    session.put(new Windowed<>("a", new Window(80, 90)), "late");
    session.remove(new Windowed<>("a", new Window(95, 100)));
    session.fetch("a").close();
    assertThat(value("s", "put-total")).isEqualTo(2.0);
    assertThat(value("s", "remove-total")).isEqualTo(1.0);
    assertThat(value("s", "fetch-total")).isEqualTo(1.0);
    assertThat(value("s", "dropped-records-total")).isEqualTo(1.0);
    assertThat(metric("s", "dropped-records-total").metricName().tags())
        .containsEntry("store-type", "in-memory-session");
    window.close();
    session.close();
    assertThat(metric("w", "dropped-records-total")).isNull();
    assertThat(metric("s", "fetch-total")).isNull();
  }
}
