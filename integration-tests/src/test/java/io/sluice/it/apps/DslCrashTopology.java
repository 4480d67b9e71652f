package io.sluice.it.apps;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.Deduplicated;
import io.sluice.dsl.EmitStrategy;
import io.sluice.dsl.Grouped;
import io.sluice.dsl.KGroupedStream;
import io.sluice.dsl.KStream;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Produced;
import io.sluice.dsl.StreamsBuilder;
import io.sluice.dsl.Suppressed;
import io.sluice.dsl.TimeWindows;
import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsConfig;
import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueStore;
import io.sluice.state.WindowStore;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * The topology of the exactly-once crash test written with the DSL, with the same input, output
 * topics and output formats as {@link CrashTopology} (see there): a copy of every record, the
 * running count per key ({@code groupByKey().count}, store {@value #COUNTS}, no cache), the count
 * per key and tumbling window ({@code it.window.ms}, no grace) emitted once on window close
 * (store {@value #WINDOWS}) under key {@code "<key>@<window start>"}, the same windowed count
 * through {@code suppress(untilWindowCloses)} (operator {@value #SUPPRESS}) to {@code
 * it.suppressed} in the same format, and the dedup id of the first
 * record carrying it ({@code deduplicate} by that id, operator {@value #DEDUP}, which repartitions
 * by the id through {@code <application>-dedup-repartition}). Every stateful operator, store and
 * internal topic is named; {@code ensure.explicit.internal.resource.naming} is forced on so that a
 * generated name fails the build. Counts records through the copy branch as {@link
 * CrashTopology#PROCESSED}.
 */
public final class DslCrashTopology {
  /** Count store name. */
  public static final String COUNTS = "counts";
  /** Window-count store name. */
  public static final String WINDOWS = "window-counts";
  /** Window-count store name of the suppressed branch. */
  public static final String SUPPRESS_WINDOWS = "suppress-window-counts";
  /** Suppression operator name (its buffer store is {@code suppress-final-store}). */
  public static final String SUPPRESS = "suppress-final";
  /** Deduplication operator name (its store is {@code dedup-store}). */
  public static final String DEDUP = "dedup";
  /**
   * How long a dedup id is remembered, in record time: far longer than any input of the test
   * spans, so that, as in {@link CrashTopology}, an id is never forwarded twice.
   */
  static final Duration DEDUP_WITHIN = Duration.ofDays(1);

  private DslCrashTopology() {}

  /** The topology for the {@code it.*} topic names and window size in {@code props}. */
  public static Topology build(Properties props) {
    long windowMs = Long.parseLong(props.getProperty("it.window.ms", "10000"));
    Serde<String> text = Serdes.String();
    Produced<String, String> out = Produced.with(text, text);
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> in =
        builder.stream(props.getProperty("it.input"), Consumed.<String, String>with(text, text)
            .withName("in"));

    in.peek((k, v) -> JvmCounters.add(CrashTopology.PROCESSED, 1), Named.as("copy"))
        .to(props.getProperty("it.copy"), out.withName("copy-out"));

    KGroupedStream<String, String> grouped =
        in.groupByKey(Grouped.with("by-key", text, text));
    grouped.count(Named.as("count"), Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(
                COUNTS).withKeySerde(text).withValueSerde(Serdes.Long()).withCachingDisabled())
        .toStream(Named.as("count-changes"))
        .mapValues(count -> Long.toString(count), Named.as("count-text"))
        .to(props.getProperty("it.counts"), out.withName("count-out"));

    grouped.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(windowMs), Duration.ZERO))
        .emitStrategy(EmitStrategy.onWindowClose())
        .count(Named.as("window"), Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(
                WINDOWS).withKeySerde(text).withValueSerde(Serdes.Long())
            .withCachingDisabled())
        .toStream(Named.as("window-closed"))
        .map((w, count) -> KeyValue.pair(
                CrashTopology.windowKey(w.key(), w.window().startMs()), Long.toString(count)),
            Named.as("window-text"))
        .to(props.getProperty("it.windows"), out.withName("window-out"));

    grouped.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(windowMs), Duration.ZERO))
        .count(Named.as("suppress-window"), Materialized.<String, Long,
                WindowStore<Bytes, byte[]>>as(SUPPRESS_WINDOWS).withKeySerde(text)
            .withValueSerde(Serdes.Long()).withCachingDisabled())
        .suppress(Suppressed.<Windowed<String>>untilWindowCloses(
            Suppressed.BufferConfig.unbounded()).withName(SUPPRESS))
        .toStream(Named.as("suppress-closed"))
        .map((w, count) -> KeyValue.pair(
                CrashTopology.windowKey(w.key(), w.window().startMs()), Long.toString(count)),
            Named.as("suppress-text"))
        .to(props.getProperty("it.suppressed"), out.withName("suppress-out"));

    in.deduplicate((k, v) -> CrashTopology.dedupId(v), DEDUP_WITHIN,
            Deduplicated.<String>as(DEDUP).withIdSerde(text).withCachingDisabled())
        .mapValues(CrashTopology::dedupId, Named.as("dedup-id"))
        .to(props.getProperty("it.dedup"), out.withName("dedup-out"));

    Properties shape = new Properties();
    shape.putAll(props);
    shape.setProperty(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING, "true");
    return builder.build(shape);
  }
}
