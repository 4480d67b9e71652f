package io.sluice.examples.enrichment;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.GlobalKTable;
import io.sluice.dsl.Joined;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Produced;
import io.sluice.dsl.StreamsBuilder;
import io.sluice.processor.Topology;
import io.sluice.serdes.JsonSerde;
import io.sluice.state.KeyValueStore;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * Enrichment: every order (keyed by customer id) is joined with its customer from the table read
 * from {@value #CUSTOMERS} (co-partitioned with the orders, held in {@value #CUSTOMER_STORE}) and
 * with its product from the global table read from {@value #PRODUCTS} (every instance holds all
 * products in {@value #PRODUCT_STORE}, looked up by the order's product id), and written to
 * {@value #OUTPUT}. Both joins are left joins: an order whose customer or product is not (yet)
 * known still goes out, with that part {@code null}. Only orders trigger output; customer and
 * product updates affect the orders processed after them.
 */
public final class EnrichmentTopology {

  /** The orders topic: key a customer id, value an {@link Order}. */
  public static final String ORDERS = "orders";

  /** The customers topic: key a customer id, value a {@link Customer} (null deletes). */
  public static final String CUSTOMERS = "customers";

  /** The products topic: key a product id, value a {@link Product} (null deletes). */
  public static final String PRODUCTS = "products";

  /** The output topic: key a customer id, value an {@link EnrichedOrder}. */
  public static final String OUTPUT = "orders-enriched";

  /** The store of the customers table. */
  public static final String CUSTOMER_STORE = "customers-store";

  /** The store of the products global table. */
  public static final String PRODUCT_STORE = "products-store";

  private EnrichmentTopology() {}

  /** @return the serde of the {@link Order} values */
  public static Serde<Order> orderSerde() {
    return new JsonSerde<>(Order.class);
  }

  /** @return the serde of the {@link Customer} values */
  public static Serde<Customer> customerSerde() {
    return new JsonSerde<>(Customer.class);
  }

  /** @return the serde of the {@link Product} values */
  public static Serde<Product> productSerde() {
    return new JsonSerde<>(Product.class);
  }

  /** @return the serde of the {@link EnrichedOrder} values */
  public static Serde<EnrichedOrder> enrichedSerde() {
    return new JsonSerde<>(EnrichedOrder.class);
  }

  /**
   * @param props the application's settings (store type, caching, naming checks)
   * @return the topology: {@value #ORDERS} ⋈ {@value #CUSTOMERS} ⋈ {@value #PRODUCTS} → {@value
   *     #OUTPUT}
   */
  public static Topology build(Properties props) {
    StreamsBuilder builder = new StreamsBuilder();
    KTable<String, Customer> customers = builder.table(CUSTOMERS,
        Consumed.with(Serdes.String(), customerSerde()).withName("customers-in"),
        Materialized.<String, Customer, KeyValueStore<Bytes, byte[]>>as(CUSTOMER_STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(customerSerde()));
    GlobalKTable<String, Product> products = builder.globalTable(PRODUCTS,
        Consumed.with(Serdes.String(), productSerde()).withName("products-in"),
        Materialized.<String, Product, KeyValueStore<Bytes, byte[]>>as(PRODUCT_STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(productSerde()));
    builder.stream(ORDERS, Consumed.with(Serdes.String(), orderSerde()).withName("orders-in"))
        .leftJoin(customers, EnrichedOrder::withCustomer,
            Joined.<String, Order, Customer>with(Serdes.String(), orderSerde(), customerSerde())
                .withName("join-customers"))
        .leftJoin(products, (customerId, enriched) -> enriched.order().productId(),
            EnrichedOrder::withProduct, Named.as("join-products"))
        .to(OUTPUT, Produced.with(Serdes.String(), enrichedSerde()).withName("enriched-out"));
    return builder.build(props);
  }
}
