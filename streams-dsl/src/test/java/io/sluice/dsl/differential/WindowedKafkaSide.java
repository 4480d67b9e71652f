package io.sluice.dsl.differential;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.SlidingWindows;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.WindowStore;

/** The Apache Kafka Streams half of each windowed scenario; mirrors {@link WindowedSluiceSide}. */
final class WindowedKafkaSide {
  private WindowedKafkaSide() {}

  private static KGroupedStream<String, String> grouped(StreamsBuilder builder, String topic) {
    return builder.<String, String>stream(topic).groupByKey();
  }

  private static <V> void out(KTable<Windowed<String>, V> table, String topic) {
    table.toStream().map((k, v) -> KeyValue.pair(render(k), v == null ? null : v.toString()))
        .to(topic);
  }

  private static <V, S extends StateStore> Materialized<String, V, S> mat(Serde<V> values,
      boolean caching) {
    Materialized<String, V, S> materialized = Materialized.with(Serdes.String(), values);
    return caching ? materialized : materialized.withCachingDisabled();
  }

  static String render(Windowed<String> key) {
    return key == null ? null
        : key.key() + "@" + key.window().start() + "/" + key.window().end();
  }

  static void tumblingCount(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofSeconds(5)))
        .count(mat(Serdes.Long(), caching)), "out");
  }

  static void hoppingAggregate(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(10),
            Duration.ofMillis(500)).advanceBy(Duration.ofSeconds(3)))
        .aggregate(() -> "", WindowedFns::fold,
            mat(Serdes.String(), caching)), "out");
  }

  static void tumblingReduce(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(4),
            Duration.ofSeconds(1)))
        .reduce(WindowedFns::reduce, mat(Serdes.String(), caching)), "out");
  }

  static void sessionAggregate(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(SessionWindows.ofInactivityGapAndGrace(
            Duration.ofSeconds(2), Duration.ofMillis(500)))
        .aggregate(() -> "", WindowedFns::fold, WindowedFns::merge,
            WindowedKafkaSide.<String, SessionStore<Bytes, byte[]>>mat(Serdes.String(), caching)
                .withRetention(Duration.ofMinutes(10))), "out");
  }

  static void sessionCount(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(SessionWindows.ofInactivityGapWithNoGrace(
            Duration.ofSeconds(1)))
        .count(WindowedKafkaSide.<Long, SessionStore<Bytes, byte[]>>mat(Serdes.Long(), caching)
            .withRetention(Duration.ofMinutes(10))), "out");
  }

  static void slidingCount(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(
            Duration.ofSeconds(2), Duration.ofMillis(500)))
        .count(mat(Serdes.Long(), caching)), "out");
  }

  static void slidingAggregate(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(
            Duration.ofSeconds(1)))
        .aggregate(() -> "", WindowedFns::fold, mat(Serdes.String(), caching)), "out");
  }

  static void slidingCountEmitOnClose(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(
            Duration.ofSeconds(2), Duration.ofMillis(500)))
        .emitStrategy(EmitStrategy.onWindowClose())
        .count(mat(Serdes.Long(), caching)), "out");
  }

  static void slidingAggregateEmitOnClose(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(
            Duration.ofMillis(500), Duration.ofMillis(200)))
        .emitStrategy(EmitStrategy.onWindowClose())
        .aggregate(() -> "", WindowedFns::fold, mat(Serdes.String(), caching)), "out");
  }

  static void sessionEmitOnClose(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(SessionWindows.ofInactivityGapAndGrace(
            Duration.ofSeconds(1), Duration.ofMillis(500)))
        .emitStrategy(EmitStrategy.onWindowClose())
        .count(WindowedKafkaSide.<Long, SessionStore<Bytes, byte[]>>mat(Serdes.Long(), caching)
            .withRetention(Duration.ofMinutes(10))), "out");
  }

  static void sessionSuppress(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(SessionWindows.ofInactivityGapAndGrace(
            Duration.ofSeconds(1), Duration.ofMillis(500)))
        .count(WindowedKafkaSide.<Long, SessionStore<Bytes, byte[]>>mat(Serdes.Long(), caching)
            .withRetention(Duration.ofMinutes(10)))
        .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())), "out");
  }

  static void emitOnClose(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(5),
            Duration.ofSeconds(1)))
        .emitStrategy(EmitStrategy.onWindowClose())
        .count(mat(Serdes.Long(), caching)), "out");
  }

  static void suppressUntilWindowCloses(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(5),
            Duration.ofSeconds(1)).advanceBy(Duration.ofSeconds(2)))
        .count(mat(Serdes.Long(), caching))
        .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())), "out");
  }

  static void suppressUntilTimeLimit(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofSeconds(5)))
        .count(mat(Serdes.Long(), caching))
        .suppress(Suppressed.untilTimeLimit(Duration.ofSeconds(2),
            Suppressed.BufferConfig.maxRecords(3).emitEarlyWhenFull())), "out");
  }

  static void cogroup(StreamsBuilder builder, boolean caching) {
    grouped(builder, "in").cogroup(WindowedFns::fold)
        .cogroup(grouped(builder, "in2"), WindowedFns::foldOther)
        .aggregate(() -> "", mat(Serdes.String(), caching))
        .toStream().to("out");
  }

  static void cogroupWindowed(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").cogroup(WindowedFns::fold)
        .cogroup(grouped(builder, "in2"), WindowedFns::foldOther)
        .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofSeconds(3)))
        .aggregate(() -> "", WindowedKafkaSide.<String, WindowStore<Bytes, byte[]>>mat(
            Serdes.String(), caching).withRetention(Duration.ofMinutes(10))), "out");
  }

  static void cogroupSession(StreamsBuilder builder, boolean caching) {
    out(grouped(builder, "in").cogroup(WindowedFns::fold)
        .cogroup(grouped(builder, "in2"), WindowedFns::foldOther)
        .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(Duration.ofMillis(1500)))
        .aggregate(() -> "", WindowedFns::merge,
            WindowedKafkaSide.<String, SessionStore<Bytes, byte[]>>mat(Serdes.String(), caching)
                .withRetention(Duration.ofMinutes(10))), "out");
  }
}
