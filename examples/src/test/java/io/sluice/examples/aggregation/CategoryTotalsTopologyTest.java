package io.sluice.examples.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.examples.ExampleDrivers;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.TimestampedKeyValueStore;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TopologyTestDriver;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryTotalsTopologyTest {
  private TopologyTestDriver driver;
  private TestInputTopic<String, Sale> sales;

  @AfterEach
  void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  private void start(String storeType, long cacheBytes) {
    driver = ExampleDrivers.start("category-totals-test", storeType, cacheBytes, CategoryTotalsTopology::build);
    sales = driver.createInputTopic(CategoryTotalsTopology.SALES, Serdes.String().serializer(),
        CategoryTotalsTopology.saleSerde().serializer());
  }

  private Map<String, CategoryTotals> storeContents() {
    TimestampedKeyValueStore<String, CategoryTotals> store =
        driver.getTimestampedKeyValueStore(CategoryTotalsTopology.STORE);
    Map<String, CategoryTotals> contents = new HashMap<>();
    try (KeyValueIterator<String, ValueAndTimestamp<CategoryTotals>> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, ValueAndTimestamp<CategoryTotals>> entry = all.next();
        contents.put(entry.key(), entry.value().value());
      }
    }
    return contents;
  }

  @ParameterizedTest(name = "{0} store, cache {1} bytes")
  @CsvSource({"rocksDB, 0", "rocksDB, 10485760", "in_memory, 0", "in_memory, 10485760"})
  void keepsExactRunningCountAndSumPerCategory(String storeType, long cacheBytes) {
    start(storeType, cacheBytes);
    sales.pipeInput("order-1", new Sale("books", 1_250), 1_000L);
    sales.pipeInput("order-2", new Sale("games", 5_999), 2_000L);
    sales.pipeInput("order-3", new Sale("books", 750), 3_000L);
    sales.pipeInput(null, new Sale("books", 1), 4_000L); // the input key does not matter
    assertThat(storeContents()).containsOnly(
        Map.entry("books", new CategoryTotals(3, 2_001)),
        Map.entry("games", new CategoryTotals(1, 5_999)));

    sales.pipeInput("order-5", new Sale("games", 1), 5_000L);
    assertThat(storeContents()).containsOnly(
        Map.entry("books", new CategoryTotals(3, 2_001)),
        Map.entry("games", new CategoryTotals(2, 6_000)));
  }

  @ParameterizedTest(name = "{0} store, cache {1} bytes")
  @CsvSource({"rocksDB, 0", "rocksDB, 10485760", "in_memory, 0", "in_memory, 10485760"})
  void matchesTotalsComputedDirectlyOverManySales(String storeType, long cacheBytes) {
    start(storeType, cacheBytes);
    Random random = new Random(42);
    Map<String, CategoryTotals> expected = new HashMap<>();
    for (int i = 0; i < 500; i++) {
      Sale sale = new Sale("category-" + random.nextInt(17), random.nextInt(100_000));
      expected.merge(sale.category(), CategoryTotals.empty().add(sale),
          (a, b) -> new CategoryTotals(a.count() + b.count(), a.sum() + b.sum()));
      sales.pipeInput("order-" + i, sale, i);
    }
    assertThat(storeContents()).isEqualTo(expected);
  }
}
