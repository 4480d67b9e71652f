package io.sluice.examples.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.examples.ExampleDrivers;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.state.KeyValue;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TopologyTestDriver;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnrichmentTopologyTest {
  private static final Customer ANN = new Customer("c1", "Ann", "gold");
  private static final Customer ANN_SILVER = new Customer("c1", "Ann", "silver");
  private static final Product PEN = new Product("p1", "Pen", 250);
  private static final Product INK = new Product("p2", "Ink", 1_000);

  private TopologyTestDriver driver;
  private TestInputTopic<String, Order> orders;
  private TestInputTopic<String, Customer> customers;
  private TestInputTopic<String, Product> products;
  private TestOutputTopic<String, EnrichedOrder> enriched;

  @AfterEach
  void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  private void start(String storeType, long cacheBytes) {
    driver = ExampleDrivers.start("enrichment-test", storeType, cacheBytes, EnrichmentTopology::build);
    orders = driver.createInputTopic(EnrichmentTopology.ORDERS, Serdes.String().serializer(),
        EnrichmentTopology.orderSerde().serializer());
    customers = driver.createInputTopic(EnrichmentTopology.CUSTOMERS,
        Serdes.String().serializer(), EnrichmentTopology.customerSerde().serializer());
    products = driver.createInputTopic(EnrichmentTopology.PRODUCTS,
        Serdes.String().serializer(), EnrichmentTopology.productSerde().serializer());
    enriched = driver.createOutputTopic(EnrichmentTopology.OUTPUT,
        Serdes.String().deserializer(), EnrichmentTopology.enrichedSerde().deserializer());
  }

  private Order order(String id, String customer, String product, int quantity) {
    Order order = new Order(id, customer, product, quantity);
    orders.pipeInput(customer, order);
    return order;
  }

  @ParameterizedTest(name = "{0} store, cache {1} bytes")
  @CsvSource({"rocksDB, 0", "rocksDB, 10485760", "in_memory, 0", "in_memory, 10485760"})
  void joinsEachOrderWithItsCustomerAndProductAsKnownWhenTheOrderArrives(
      String storeType, long cacheBytes) {
    start(storeType, cacheBytes);
    Order beforeAnything = order("o0", "c1", "p1", 1);
    customers.pipeInput("c1", ANN);
    products.pipeInput("p1", PEN);
    products.pipeInput("p2", INK);
    Order full = order("o1", "c1", "p1", 4);
    Order unknownProduct = order("o2", "c1", "p9", 1);
    Order unknownCustomer = order("o3", "c7", "p2", 2);
    customers.pipeInput("c1", ANN_SILVER);
    products.pipeInput("p1", new Product("p1", "Pen", 300));
    Order afterUpdates = order("o4", "c1", "p1", 1);
    customers.pipeInput("c1", null);
    products.pipeInput("p2", null);
    Order afterDeletes = order("o5", "c1", "p2", 3);

    assertThat(enriched.readKeyValuesToList()).containsExactly(
        KeyValue.pair("c1", new EnrichedOrder(beforeAnything, null, null, null)),
        KeyValue.pair("c1", new EnrichedOrder(full, ANN, PEN, 1_000L)),
        KeyValue.pair("c1", new EnrichedOrder(unknownProduct, ANN, null, null)),
        KeyValue.pair("c7", new EnrichedOrder(unknownCustomer, null, INK, 2_000L)),
        KeyValue.pair("c1", new EnrichedOrder(afterUpdates, ANN_SILVER,
            new Product("p1", "Pen", 300), 300L)),
        KeyValue.pair("c1", new EnrichedOrder(afterDeletes, null, null, null)));
  }

  @ParameterizedTest(name = "{0} store")
  @CsvSource({"rocksDB", "in_memory"})
  void tableUpdatesAloneProduceNoOutputAndTheStoresAreQueryable(String storeType) {
    start(storeType, 0);
    customers.pipeInput("c1", ANN);
    products.pipeInput("p1", PEN);
    assertThat(enriched.isEmpty()).isTrue();
    assertThat(driver.<String, Product>getTimestampedKeyValueStore(
        EnrichmentTopology.PRODUCT_STORE).get("p1")).extracting(ValueAndTimestamp::value)
        .isEqualTo(PEN);
    assertThat(driver.producedTopicNames())
        .contains("enrichment-test-" + EnrichmentTopology.CUSTOMER_STORE + "-changelog");
  }
}
