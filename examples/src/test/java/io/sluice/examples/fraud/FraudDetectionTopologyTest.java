package io.sluice.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.examples.ExampleDrivers;
import io.sluice.state.KeyValue;
import io.sluice.testkit.TestInputTopic;
import io.sluice.testkit.TestOutputTopic;
import io.sluice.testkit.TestRecord;
import io.sluice.testkit.TopologyTestDriver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FraudDetectionTopologyTest {
  private static final long T0 = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;

  private TopologyTestDriver driver;
  private TestInputTopic<String, Transaction> transactions;
  private TestOutputTopic<String, FraudAlert> alerts;
  private TestOutputTopic<String, Transaction> late;
  private int ids;

  @AfterEach
  void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  private void start(String storeType, long cacheBytes) {
    driver = ExampleDrivers.start("fraud-test", storeType, cacheBytes, FraudDetectionTopology::build);
    transactions = driver.createInputTopic(FraudDetectionTopology.TRANSACTIONS,
        Serdes.String().serializer(), FraudDetectionTopology.transactionSerde().serializer());
    alerts = driver.createOutputTopic(FraudDetectionTopology.ALERTS,
        Serdes.String().deserializer(), FraudDetectionTopology.alertSerde().deserializer());
    late = driver.createOutputTopic(FraudDetectionTopology.LATE, Serdes.String().deserializer(),
        FraudDetectionTopology.transactionSerde().deserializer());
  }

  private Transaction pay(String card, long cents, long atMs) {
    Transaction transaction = new Transaction("tx-" + ++ids, card, cents, "shop");
    transactions.pipeInput(card, transaction, atMs);
    return transaction;
  }

  private static String header(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0} store, cache {1} bytes")
  @CsvSource({"rocksDB, 0", "rocksDB, 10485760", "in_memory, 0", "in_memory, 10485760"})
  void alertsOncePerSuspiciousWindowWhenItClosesAndSendsLateTransactionsAside(
      String storeType, long cacheBytes) {
    start(storeType, cacheBytes);
    for (int i = 1; i <= 6; i++) {
      pay("card-many", 1_000, T0 + i * 1_000); // 6 transactions: over the count threshold
    }
    pay("card-big", 60_000, T0 + 10_000);
    pay("card-big", 30_000, T0 + 20_000); // 900.00 so far: not over the total threshold
    pay("card-calm", 500, T0 + 30_000);
    pay("card-exact", 20_000, T0 + 31_000);
    for (int i = 0; i < 4; i++) {
      pay("card-exact", 20_000, T0 + 32_000 + i); // 5 transactions, 1000.00: at, not over
    }
    pay("card-calm", 500, T0 + MINUTE + 20_000); // stream time 80 s: window 0 still open
    pay("card-big", 20_000, T0 + 50_000); // out of order but within grace: 1100.00 now
    assertThat(alerts.isEmpty()).as("no alert before the window closes").isTrue();

    pay("card-calm", 500, T0 + MINUTE + 30_000); // stream time 90 s = end + grace: closes
    Transaction tooLate = pay("card-many", 99_999, T0 + 59_000);

    assertThat(alerts.readKeyValuesToList()).containsExactlyInAnyOrder(
        KeyValue.pair("card-big", new FraudAlert("card-big", T0, T0 + MINUTE, 3, 110_000)),
        KeyValue.pair("card-many", new FraudAlert("card-many", T0, T0 + MINUTE, 6, 6_000)));
    TestRecord<String, Transaction> dropped = late.readRecord();
    assertThat(dropped.key()).isEqualTo("card-many");
    assertThat(dropped.value()).isEqualTo(tooLate);
    assertThat(dropped.timestamp()).isEqualTo(T0 + 59_000);
    assertThat(header(dropped.headers(), "sluice.dropped.reason")).isEqualTo("LATE");
    assertThat(header(dropped.headers(), "sluice.dropped.operator"))
        .isEqualTo(FraudDetectionTopology.AGGREGATION);
    assertThat(header(dropped.headers(), "sluice.dropped.window.close.ms"))
        .isEqualTo(Long.toString(T0 + MINUTE + 30_000));
    assertThat(late.isEmpty()).isTrue();

    // The second window closes at 2 min 30 s; card-calm's 3 transactions stay below both limits.
    pay("card-loud", 200_000, T0 + 2 * MINUTE);
    pay("card-loud", 1, T0 + 3 * MINUTE + 30_000);
    assertThat(alerts.readKeyValuesToList()).containsExactly(KeyValue.pair("card-loud",
        new FraudAlert("card-loud", T0 + 2 * MINUTE, T0 + 3 * MINUTE, 1, 200_000)));
    assertThat(late.isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{0} store")
  @CsvSource({"rocksDB", "in_memory"})
  void namesEveryInternalResource(String storeType) {
    start(storeType, 0);
    pay("card", 1, T0);
    assertThat(driver.producedTopicNames())
        .contains("fraud-test-" + FraudDetectionTopology.STORE + "-changelog");
    assertThat(driver.getWindowStore(FraudDetectionTopology.STORE)).isNotNull();
  }
}
