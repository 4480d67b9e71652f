package io.sluice.examples.fraud;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.EmitStrategy;
import io.sluice.dsl.Grouped;
import io.sluice.dsl.KStream;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Produced;
import io.sluice.dsl.StreamsBuilder;
import io.sluice.dsl.TimeWindowedKStream;
import io.sluice.dsl.TimeWindows;
import io.sluice.processor.Topology;
import io.sluice.serdes.JsonSerde;
import io.sluice.state.KeyValue;
import io.sluice.state.WindowStore;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * Fraud detection: card transactions (keyed by card id) are counted and summed per card in
 * {@linkplain #WINDOW one-minute} tumbling windows with a {@linkplain #GRACE grace period} for
 * out-of-order transactions. When a window closes (its end plus the grace has passed in stream
 * time), a card whose window has more than {@value #MAX_COUNT} transactions or more than {@value
 * #MAX_TOTAL_CENTS} cents in total raises one {@link FraudAlert} on {@value #ALERTS}. A
 * transaction arriving after its window closed is not counted; it goes to {@value #LATE} with the
 * headers {@code sluice.dropped.reason} ({@code LATE}), {@code sluice.dropped.operator} and {@code
 * sluice.dropped.window.close.ms}.
 *
 * <p>Alerts wait for the window to close, so each suspicious window is reported exactly once
 * whatever the caching or commit interval, at the cost of up to one window plus grace of delay.
 */
public final class FraudDetectionTopology {

  /** The input topic: key a card id, value a {@link Transaction}. */
  public static final String TRANSACTIONS = "card-transactions";

  /** The output topic: key a card id, value a {@link FraudAlert}. */
  public static final String ALERTS = "fraud-alerts";

  /** Transactions too late for their window: key a card id, value the {@link Transaction}. */
  public static final String LATE = "late-transactions";

  /** The window store holding the {@link CardActivity} per card and window. */
  public static final String STORE = "card-activity-store";

  /** The windowed aggregation's operator name (also the dropped records' operator header). */
  public static final String AGGREGATION = "card-activity";

  /** The size of the tumbling windows. */
  public static final Duration WINDOW = Duration.ofMinutes(1);

  /** How long after a window's end out-of-order transactions are still counted in it. */
  public static final Duration GRACE = Duration.ofSeconds(30);

  /** A window with more transactions than this raises an alert. */
  public static final long MAX_COUNT = 5;

  /** A window with a total above this many cents raises an alert. */
  public static final long MAX_TOTAL_CENTS = 100_000;

  private FraudDetectionTopology() {}

  /** @return the serde of the {@link Transaction} values */
  public static Serde<Transaction> transactionSerde() {
    return new JsonSerde<>(Transaction.class);
  }

  /** @return the serde of the {@link FraudAlert} values */
  public static Serde<FraudAlert> alertSerde() {
    return new JsonSerde<>(FraudAlert.class);
  }

  /**
   * @param activity a card's activity in one window
   * @return whether it is over a threshold
   */
  static boolean suspicious(CardActivity activity) {
    return activity.count() > MAX_COUNT || activity.totalCents() > MAX_TOTAL_CENTS;
  }

  /**
   * @param props the application's settings (store type, caching, naming checks)
   * @return the topology: {@value #TRANSACTIONS} → windowed aggregation in {@value #STORE} →
   *     {@value #ALERTS}, and its late records → {@value #LATE}
   */
  public static Topology build(Properties props) {
    Serde<Transaction> transactions = transactionSerde();
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, Transaction> input = builder.stream(TRANSACTIONS,
        Consumed.with(Serdes.String(), transactions).withName("transactions"));
    TimeWindowedKStream<String, Transaction> windowed = input
        .groupByKey(Grouped.with("transactions-by-card", Serdes.String(), transactions))
        .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, GRACE))
        .emitStrategy(EmitStrategy.onWindowClose());
    windowed
        .aggregate(CardActivity::empty, (card, transaction, activity) -> activity.add(transaction),
            Named.as(AGGREGATION),
            Materialized.<String, CardActivity, WindowStore<Bytes, byte[]>>as(STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(new JsonSerde<>(CardActivity.class)))
        .toStream(Named.as("closed-windows"))
        .filter((window, activity) -> suspicious(activity), Named.as("over-threshold"))
        .<String, FraudAlert>map((window, activity) -> KeyValue.pair(window.key(), new FraudAlert(window.key(),
            window.window().startMs(), window.window().endMs(), activity.count(),
            activity.totalCents())), Named.as("to-alert"))
        .to(ALERTS, Produced.with(Serdes.String(), alertSerde()).withName("alerts-out"));
    windowed.droppedRecords(Named.as(AGGREGATION))
        .to(LATE, Produced.with(Serdes.String(), transactions).withName("late-out"));
    return builder.build(props);
  }
}
