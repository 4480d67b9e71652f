package io.sluice.examples.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enrichment application on a real broker: the products global table is loaded before
 * processing starts, customers (older than the orders) are joined by the partition's task, and
 * orders with an unknown customer or product still come out.
 */
@Timeout(180)
class EnrichmentIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long T0 = Instant.parse("2026-03-01T09:00:00Z").toEpochMilli();
  private static final Customer ANN = new Customer("c1", "Ann", "gold");
  private static final Product PEN = new Product("p1", "Pen", 250);

  @TempDir Path stateDir;

  @Test
  void enrichesOrdersWithCustomerAndProduct() {
    KafkaCluster kafka = KAFKA.cluster();
    kafka.createTopic(EnrichmentTopology.ORDERS, 2, 1, Map.of());
    kafka.createTopic(EnrichmentTopology.CUSTOMERS, 2, 1, Map.of()); // co-partitioned
    kafka.createTopic(EnrichmentTopology.PRODUCTS, 1, 1, Map.of());
    kafka.createTopic(EnrichmentTopology.OUTPUT, 2, 1, Map.of());
    kafka.produce(List.of(new ProducerRecord<>(EnrichmentTopology.PRODUCTS, null, T0, "p1", PEN)),
        new StringSerializer(), EnrichmentTopology.productSerde().serializer());
    kafka.produce(List.of(new ProducerRecord<>(EnrichmentTopology.CUSTOMERS, null, T0, "c1", ANN)),
        new StringSerializer(), EnrichmentTopology.customerSerde().serializer());
    Order full = new Order("o1", "c1", "p1", 4);
    Order unknownProduct = new Order("o2", "c1", "p9", 1);
    Order unknownCustomer = new Order("o3", "c9", "p1", 2);
    kafka.produce(List.of(order(full), order(unknownProduct), order(unknownCustomer)),
        new StringSerializer(), EnrichmentTopology.orderSerde().serializer());

    Properties props = EnrichmentApp.props(kafka.bootstrapServers());
    props.putAll(kafka.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID, "enrichment-it");
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS, 100L);
    // Wait for the customers partition's data before processing newer orders of the same task.
    props.put(StreamsConfig.MAX_TASK_IDLE_MS, 5_000L);
    props.put(StreamsConfig.CONSUMER_PREFIX + "session.timeout.ms", 6000);
    props.put(StreamsConfig.CONSUMER_PREFIX + "heartbeat.interval.ms", 500);
    try (StreamsApp app = new StreamsApp(EnrichmentTopology.build(props), props)) {
      app.start();
      List<ConsumerRecord<String, EnrichedOrder>> out = kafka.consume(EnrichmentTopology.OUTPUT,
          3, WAIT, new StringDeserializer(), EnrichmentTopology.enrichedSerde().deserializer());
      assertThat(out).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(
          new EnrichedOrder(full, ANN, PEN, 1_000L),
          new EnrichedOrder(unknownProduct, ANN, null, null),
          new EnrichedOrder(unknownCustomer, null, PEN, 500L));
      assertThat(app.close(Duration.ofSeconds(30))).isTrue();
    }
  }

  private static ProducerRecord<String, Order> order(Order order) {
    return new ProducerRecord<>(EnrichmentTopology.ORDERS, null, T0 + 60_000, order.customerId(),
        order);
  }
}
