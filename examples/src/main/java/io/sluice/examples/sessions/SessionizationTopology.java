package io.sluice.examples.sessions;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.EmitStrategy;
import io.sluice.dsl.Grouped;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Produced;
import io.sluice.dsl.SessionWindows;
import io.sluice.dsl.StreamsBuilder;
import io.sluice.processor.Topology;
import io.sluice.serdes.JsonSerde;
import io.sluice.state.KeyValue;
import io.sluice.state.SessionStore;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * Sessionization: the clicks of each user (keyed by user id) are grouped into sessions, a session
 * ending after {@linkplain #INACTIVITY_GAP 30 minutes} without a click; clicks up to {@linkplain
 * #GRACE the grace period} out of order still join (and may merge) sessions. Each session is
 * counted in the session store {@value #STORE} and, once closed in stream time (its last click
 * plus the gap plus the grace), summarised exactly once as a {@link SessionSummary} on {@value
 * #OUTPUT}. A click arriving after its session closed is dropped (counted in the {@code
 * dropped-records-total} metric).
 */
public final class SessionizationTopology {

  /** The input topic: key a user id, value a {@link Click}. */
  public static final String CLICKS = "user-clicks";

  /** The output topic: key a user id, value a {@link SessionSummary}. */
  public static final String OUTPUT = "user-sessions";

  /** The session store counting the clicks per session. */
  public static final String STORE = "user-sessions-store";

  /** The session aggregation's operator name. */
  public static final String AGGREGATION = "count-session-clicks";

  /** A session ends after this long without a click. */
  public static final Duration INACTIVITY_GAP = Duration.ofMinutes(30);

  /** How long after a session's close (in stream time) out-of-order clicks are still accepted. */
  public static final Duration GRACE = Duration.ofMinutes(5);

  private SessionizationTopology() {}

  /** @return the serde of the {@link Click} values */
  public static Serde<Click> clickSerde() {
    return new JsonSerde<>(Click.class);
  }

  /** @return the serde of the {@link SessionSummary} values */
  public static Serde<SessionSummary> summarySerde() {
    return new JsonSerde<>(SessionSummary.class);
  }

  /**
   * @param props the application's settings (store type, caching, naming checks)
   * @return the topology: {@value #CLICKS} → session count in {@value #STORE} → {@value #OUTPUT}
   */
  public static Topology build(Properties props) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(CLICKS, Consumed.with(Serdes.String(), clickSerde()).withName("clicks"))
        .groupByKey(Grouped.with("clicks-by-user", Serdes.String(), clickSerde()))
        .windowedBy(SessionWindows.ofInactivityGapAndGrace(INACTIVITY_GAP, GRACE))
        .emitStrategy(EmitStrategy.onWindowClose())
        .count(Named.as(AGGREGATION),
            Materialized.<String, Long, SessionStore<Bytes, byte[]>>as(STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long()))
        .toStream(Named.as("closed-sessions"))
        .<String, SessionSummary>map((session, count) -> KeyValue.pair(session.key(),
            new SessionSummary(session.key(), session.window().startMs(),
                session.window().endMs(), count)), Named.as("to-summary"))
        .to(OUTPUT, Produced.with(Serdes.String(), summarySerde()).withName("sessions-out"));
    return builder.build(props);
  }
}
