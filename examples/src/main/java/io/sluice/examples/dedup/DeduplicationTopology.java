package io.sluice.examples.dedup;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.Deduplicated;
import io.sluice.dsl.Produced;
import io.sluice.dsl.StreamsBuilder;
import io.sluice.processor.Topology;
import io.sluice.serdes.JsonSerde;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Deduplication: events (keyed by user id) whose {@link Event#eventId() id} was already seen
 * within the {@linkplain #TIME_TO_LIVE time-to-live} (in record time, either direction) are
 * dropped; the first copy of each id goes to {@value #OUTPUT} with its original key. The events
 * are repartitioned by id (topic {@code <application.id>-}{@value #OPERATOR}{@code -repartition})
 * so that all copies meet in one task, whose store ({@value #OPERATOR}{@code -store},
 * changelogged) remembers each id for the time-to-live. Events without an id (or without a value)
 * are dropped.
 */
public final class DeduplicationTopology {

  /** The input topic: key a user id, value an {@link Event}. */
  public static final String INPUT = "events";

  /** The output topic: the first copy of every event, as read. */
  public static final String OUTPUT = "events-deduplicated";

  /** The deduplication operator's name, which also names its store and repartition topic. */
  public static final String OPERATOR = "dedup-by-event-id";

  /** How long after an id's first copy later copies are dropped. */
  public static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

  private DeduplicationTopology() {}

  /** @return the serde of the {@link Event} values */
  public static Serde<Event> eventSerde() {
    return new JsonSerde<>(Event.class);
  }

  /**
   * @param props the application's settings (store type, caching, naming checks)
   * @return the topology: {@value #INPUT} → deduplicate by event id → {@value #OUTPUT}
   */
  public static Topology build(Properties props) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(INPUT, Consumed.with(Serdes.String(), eventSerde()).withName("events-in"))
        .deduplicate((user, event) -> event == null ? null : event.eventId(), TIME_TO_LIVE,
            Deduplicated.<String>as(OPERATOR).withIdSerde(Serdes.String()))
        .to(OUTPUT, Produced.with(Serdes.String(), eventSerde()).withName("events-out"));
    return builder.build(props);
  }
}
